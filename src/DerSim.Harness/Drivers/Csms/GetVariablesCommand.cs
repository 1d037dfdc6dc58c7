using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

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
        return new Ocpp2.GetVariablesRequest([new Ocpp2.GetVariableDataType(new Ocpp2.ComponentType(component), new Ocpp2.VariableType(variable))]);
    }
}
