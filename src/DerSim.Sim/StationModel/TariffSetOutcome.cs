namespace DerSim.Sim.StationModel;

/// <summary>The answer to a SetDefaultTariff, version-neutral (OCPP 2.1 TariffSetStatusEnumType).</summary>
public enum TariffSetOutcome
{
    /// <summary>Stored: it prices the EVSE's transactions from its validFrom on.</summary>
    Accepted,

    /// <summary>Not a tariff for this station (an EVSE it does not have).</summary>
    Rejected,

    /// <summary>More price elements in a dimension than the station handles (one, as it evaluates no conditions).</summary>
    TooManyElements,

    /// <summary>The tariff has price conditions, which the station does not evaluate.</summary>
    ConditionNotSupported,

    /// <summary>Another tariff with the same tariffId is stored already.</summary>
    DuplicateTariffId,
}
