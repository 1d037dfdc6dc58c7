using DerSim.Ocpp;
using V2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>GetVariables (2.x only) of one device-model variable.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ComponentVariable">The variable as "Component.Variable".</param>
public sealed record GetVariablesCommand(string StationId, OcppVersion Version, string ComponentVariable) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.GetVariables;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "GetVariables";

    /// <inheritdoc />
    protected override object Request()
    {
        var (component, variable) = DeviceModelKey.Both(ComponentVariable);
        return new V2.GetVariablesRequest([new V2.GetVariableDataType(new V2.ComponentType(component), new V2.VariableType(variable))]);
    }
}
