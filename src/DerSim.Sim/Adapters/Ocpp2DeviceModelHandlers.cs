using DerSim.Ocpp;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>
/// GetVariables, SetVariables and GetBaseReport + NotifyReport in OCPP 2.0.1 and 2.1, all answered from one
/// <see cref="DeviceModel"/>.
/// </summary>
internal static class Ocpp2DeviceModelHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, DeviceModel model, int reportPageSize)
    {
        peer.On<GetVariablesRequest, GetVariablesResponse>((request, _) =>
        {
            var results = request.GetVariableData.Select(data =>
            {
                var lookup = Find(model, data.Component, data.Variable);
                var status = lookup.Status switch
                {
                    DeviceLookupStatus.UnknownComponent => GetVariableStatusEnumType.UnknownComponent,
                    DeviceLookupStatus.UnknownVariable => GetVariableStatusEnumType.UnknownVariable,
                    _ when data.AttributeType is not (null or AttributeEnumType.Actual) => GetVariableStatusEnumType.NotSupportedAttributeType,
                    // A WriteOnly variable (a password, a key) is never read back.
                    _ when lookup.Variable!.WriteOnly => GetVariableStatusEnumType.Rejected,
                    _ => GetVariableStatusEnumType.Accepted,
                };
                return new GetVariableResultType(status, data.Component, data.Variable)
                {
                    AttributeType = data.AttributeType,
                    AttributeValue = status == GetVariableStatusEnumType.Accepted ? lookup.Variable!.Read() : null,
                };
            }).ToList();
            return ValueTask.FromResult(new GetVariablesResponse(results));
        });

        peer.On<SetVariablesRequest, SetVariablesResponse>((request, _) =>
        {
            var results = request.SetVariableData.Select(data =>
            {
                var lookup = Find(model, data.Component, data.Variable);
                var status = lookup.Status switch
                {
                    DeviceLookupStatus.UnknownComponent => SetVariableStatusEnumType.UnknownComponent,
                    DeviceLookupStatus.UnknownVariable => SetVariableStatusEnumType.UnknownVariable,
                    _ when data.AttributeType is not (null or AttributeEnumType.Actual) => SetVariableStatusEnumType.NotSupportedAttributeType,
                    _ when model.TrySet(lookup.Variable!, data.AttributeValue) == SetOutcome.Accepted => SetVariableStatusEnumType.Accepted,
                    _ => SetVariableStatusEnumType.Rejected,
                };
                return new SetVariableResultType(status, data.Component, data.Variable) { AttributeType = data.AttributeType };
            }).ToList();
            return ValueTask.FromResult(new SetVariablesResponse(results));
        });

        peer.On<GetBaseReportRequest, GetBaseReportResponse>((request, _) =>
        {
            DeviceReportBase? reportBase = request.ReportBase switch
            {
                ReportBaseEnumType.ConfigurationInventory => DeviceReportBase.ConfigurationInventory,
                ReportBaseEnumType.FullInventory => DeviceReportBase.FullInventory,
                ReportBaseEnumType.SummaryInventory => DeviceReportBase.SummaryInventory,
                _ => null,
            };
            if (reportBase is not { } known)
            {
                return ValueTask.FromResult(new GetBaseReportResponse(GenericDeviceModelStatusEnumType.NotSupported));
            }

            var variables = model.Report(known);
            if (variables.Count == 0)
            {
                return ValueTask.FromResult(new GetBaseReportResponse(GenericDeviceModelStatusEnumType.EmptyResultSet));
            }

            // The report follows the Accepted answer on the wire, never precedes it.
            session.AfterAnswer("GetBaseReport", ct => NotifyReportPages.SendAsync(
                variables,
                reportPageSize,
                (seqNo, tbc, page, token) => peer.CallAsync<NotifyReportRequest, NotifyReportResponse>(
                    new NotifyReportRequest(request.RequestId, session.Time.GetUtcNow(), seqNo)
                    {
                        ReportData = [.. page.Select(ToReportData)],
                        Tbc = tbc,
                    },
                    token),
                ct));
            return ValueTask.FromResult(new GetBaseReportResponse(GenericDeviceModelStatusEnumType.Accepted));
        });
    }

    /// <summary>The 2.x shape of one variable, its value read now.</summary>
    public static ReportDataType ToReportData(DeviceVariable variable)
    {
        var component = new ComponentType(variable.Component.Name)
        {
            Evse = variable.Component.EvseId is { } evseId ? new EVSEType(evseId) { ConnectorId = variable.Component.ConnectorId } : null,
            Instance = variable.Component.Instance,
        };
        // VariableAttributeType: the value "may only be omitted when mutability is WriteOnly", and a WriteOnly one must be.
        var attribute = new VariableAttributeType
        {
            Type = AttributeEnumType.Actual,
            Value = variable.WriteOnly ? null : variable.Read(),
            Mutability = variable.ReadOnly ? MutabilityEnumType.ReadOnly : variable.WriteOnly ? MutabilityEnumType.WriteOnly : MutabilityEnumType.ReadWrite,
        };
        return new ReportDataType(component, new VariableType(variable.Name) { Instance = variable.Instance }, [attribute])
        {
            VariableCharacteristics = new VariableCharacteristicsType(DataTypeOf(variable.DataType), SupportsMonitoring: false)
            {
                Unit = variable.Unit,
                MaxLimit = variable.MaxLimit,
                ValuesList = variable.ValuesList,
            },
        };
    }

    // A component instance the station does not have (a NetworkConfiguration slot beyond its last, an instance of a
    // component it has only one of) is an UnknownComponent.
    private static DeviceLookup Find(DeviceModel model, ComponentType component, VariableType variable) =>
        model.Find(component.Name, component.Evse?.Id, component.Evse?.ConnectorId, variable.Name, variable.Instance, component.Instance);

    private static DataEnumType DataTypeOf(DeviceDataType type) => NameMatch.Of<DeviceDataType, DataEnumType>(type);
}
