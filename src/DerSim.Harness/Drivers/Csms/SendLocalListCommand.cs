using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// SendLocalList (1.6 §5.15): a full local authorization list or a differential update of it, every entry with its
/// idTagInfo. The CSMS numbers the list's version itself (<see cref="ChosenByCsms"/>); a case checks how it numbers.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version (1.6 only).</param>
/// <param name="ListVersion">The version asked for (the CSMS may choose another).</param>
/// <param name="UpdateType">Full or Differential.</param>
/// <param name="Entries">The tokens to send, each with its idTagInfo.</param>
public sealed record SendLocalListCommand(string StationId, OcppVersion Version, int ListVersion, string UpdateType, IReadOnlyList<LocalListItem> Entries)
    : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SendLocalList;

    /// <summary>The CSMS keeps its own list versions.</summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["listVersion"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? "SendLocalList" : null;

    /// <inheritdoc />
    protected override object Request() =>
        new V16.SendLocalListRequest(ListVersion, Wire<V16.UpdateType>(UpdateType, "updateType"))
        {
            LocalAuthorizationList = [.. Entries.Select(e => new V16.LocalAuthorizationList(e.IdTag)
            {
                IdTagInfo = new V16.IdTagInfo(Wire<V16.IdTagInfoStatus>(e.Status, "idTagInfo.status")) { ParentIdTag = e.ParentIdTag },
            })],
        };
}
