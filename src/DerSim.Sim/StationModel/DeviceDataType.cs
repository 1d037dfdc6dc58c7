namespace DerSim.Sim.StationModel;

/// <summary>The data type of a device-model variable, version-neutral; adapters map it to 2.x DataEnumType.</summary>
public enum DeviceDataType
{
    /// <summary>Free text.</summary>
    String,

    /// <summary>A decimal number.</summary>
    Decimal,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One value out of <see cref="DeviceVariable.ValuesList"/>.</summary>
    OptionList,

    /// <summary>A comma-separated list of members (2.x MemberList), e.g. the measurands a metering setting names.</summary>
    MemberList,

    /// <summary>A comma-separated list whose order means something (2.x SequenceList), e.g. the network configuration priority.</summary>
    SequenceList,
}
