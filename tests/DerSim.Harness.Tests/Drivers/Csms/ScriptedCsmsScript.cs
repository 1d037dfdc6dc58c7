namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>How a <see cref="ScriptedCsms"/> behaves; everything else it answers as a plain CSMS would.</summary>
public sealed record ScriptedCsmsScript
{
    /// <summary>The CSMS's clock at start (it runs on in real time); null: 3 years ahead of the real clock.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>How long the answer to TransactionEvent Started waits. The default value is none.</summary>
    public TimeSpan StartAnswerDelay { get; init; }

    /// <summary>The HTTP status of every WebSocket upgrade instead of 101, when set.</summary>
    public int? RefuseUpgradeWith { get; init; }

    /// <summary>The heartbeat interval its boot answers give, in s. The default value is 300.</summary>
    public int BootInterval { get; init; } = 300;

    /// <summary>An action the CSMS never answers, when set.</summary>
    public string? SilentFor { get; init; }

    /// <summary>An action the CSMS answers with a NotImplemented CALLERROR, when set.</summary>
    public string? ErrorFor { get; init; }

    /// <summary>The Basic-auth password every station must present (user name: its id), when set; a wrong one is refused with 401.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>With <see cref="BasicAuthPassword"/>: the user name is not checked against the station id. The default value is false.</summary>
    public bool IgnoresBasicAuthUser { get; init; }

    /// <summary>The status its DataTransfer answers give. The default value is "UnknownVendorId" (it knows no vendor).</summary>
    public string DataTransferStatus { get; init; } = "UnknownVendorId";

    /// <summary>Answers every CALL that carries a customData object with a FormatViolation CALLERROR. The default value is false.</summary>
    public bool RefusesCustomData { get; init; }

    /// <summary>
    /// The tokens the CSMS knows (token → status and group), when set: it answers Authorize and every TransactionEvent
    /// carrying an idToken from them (the group as groupIdToken), an unlisted token Invalid. When null it accepts every
    /// token without a group. The default value is null.
    /// </summary>
    public IReadOnlyDictionary<string, (string Status, string? Group)>? Tokens { get; init; }

    /// <summary>One token the CSMS answers with another status than <see cref="Tokens"/> says (a wrong verdict), when set.</summary>
    public (string IdToken, string Status)? WrongStatusFor { get; init; }

    /// <summary>An action whose idTokenInfo the CSMS gives without the token's groupIdToken, when set.</summary>
    public string? NoGroupIn { get; init; }

    /// <summary>A TransactionEvent triggerReason the CSMS answers with a NotImplemented CALLERROR (e.g. MeterValueClock), when set.</summary>
    public string? ErrorForTriggerReason { get; init; }

    /// <summary>
    /// A TransactionEvent eventType (e.g. Ended) the CSMS answers with a schema-invalid payload (a totalCost that is no
    /// number), when set.
    /// </summary>
    public string? InvalidAnswerForEventType { get; init; }

    /// <summary>
    /// One field the CSMS gets wrong in every CALL of an action it is asked to send through its HTTP API, when set:
    /// the action, the field's path (dotted, as <c>evse.id</c>) and the JSON it sends there instead (a CSMS whose API maps
    /// a field wrongly).
    /// </summary>
    public (string Action, string Path, string Json)? WrongFieldIn { get; init; }

    /// <summary>
    /// One field the CSMS adds to every CALL of an action it is asked to send through its HTTP API, under an object the
    /// CALL already has (CALLs without it are left alone), when set: the action, the field's path (dotted, as
    /// <c>chargingProfile.transactionId</c>) and its JSON (a CSMS that fills in a field the spec wants left out).
    /// </summary>
    public (string Action, string Path, string Json)? AddedFieldIn { get; init; }

    /// <summary>
    /// One field the CSMS leaves out of every CALL of an action it is asked to send through its HTTP API, when set: the
    /// action and the field's path (dotted, as <c>csChargingProfiles.validTo</c>; a CSMS that does not send a field a
    /// case needs).
    /// </summary>
    public (string Action, string Path)? RemovedFieldIn { get; init; }

    /// <summary>
    /// One variable the CSMS leaves out of every SetVariables it is asked to send through its HTTP API, by name, when set:
    /// a CSMS whose API forgets a variable of a network configuration (e.g. "ApnEnabled", breaking OCPP 2.1 B09 as
    /// TC_B_105 checks it).
    /// </summary>
    public string? DroppedVariable { get; init; }

    /// <summary>CALLs the CSMS sends of its own, this long after it answered a boot (action, payload JSON).</summary>
    public IReadOnlyList<(TimeSpan After, string Action, string Payload)> AfterBoot { get; init; } = [];

    /// <summary>Whether it leaves idTokenInfo out of its answer to a TransactionEvent carrying an idToken (breaking OCPP 2.0.1 E01.FR.12). The default value is false.</summary>
    public bool OmitTransactionIdTokenInfo { get; init; }

    /// <summary>
    /// Whether it answers a CALLERROR to a TransactionEvent whose seqNo is not above the last one the station sent, as a
    /// CSMS that expects seqNo to run on across transactions (breaking OCPP 2.0.1 E01.FR.07: each starts again at 0).
    /// The default value is false.
    /// </summary>
    public bool ErrorForRestartedSeqNo { get; init; }

    /// <summary>
    /// The status it answers a BootNotification with whose reason is not PowerUp (a station booting again, e.g. after a
    /// reset the CSMS asked for), when set: a CSMS that does not register a station rebooting (e.g. "Rejected"). A 1.6
    /// boot carries no reason: to a 1.6 station it answers so every boot after its first.
    /// </summary>
    public string? RebootStatus { get; init; }

    /// <summary>
    /// Whether it keeps expecting a station's old Basic-auth password after the station accepted a new one it sent in
    /// SetVariables (breaking OCPP 2.0.1 A01.FR.03), or in a 1.6 ChangeConfiguration of AuthorizationKey. The default
    /// value is false: a password the station accepted is the one it expects from then on.
    /// </summary>
    public bool KeepsOldPassword { get; init; }

    /// <summary>
    /// The ISO 15118 PKI it answers the station's certificate requests from, when set (as the reference CSMS does): a
    /// SignCertificate of certificateType V2GCertificate Accepted and a CertificateSigned with the signed chain after it,
    /// Get15118EVCertificate with a contract chain as exiResponse, GetCertificateStatus with the OCSP response. Unset,
    /// those get an empty answer.
    /// </summary>
    public DerSim.Csms.CsmsCertificateAuthority? Iso15118Pki { get; init; }

    /// <summary>
    /// Whether its OCSP response (with <see cref="Iso15118Pki"/>) names another certificate than the one the station asked
    /// about, a CSMS that mixes up its requests (breaking OCPP 2.0.1 M06.FR.02). The default value is false.
    /// </summary>
    public bool OcspForAnotherCertificate { get; init; }

    /// <summary>
    /// One top-level field of its answer to a station's CALL of an action it sets to other JSON, when set: the action,
    /// the field and the JSON (a CSMS that answers a status or value wrongly, e.g. Get15118EVCertificate "status" "\"Failed\"").
    /// </summary>
    public (string Action, string Field, string Json)? WrongAnswerFieldIn { get; init; }

    /// <summary>
    /// Whether it forgets the TxProfile it set for a transaction when the station resumes that transaction after a
    /// power loss (TransactionEvent Updated, triggerReason TxResumed), breaking OCPP 2.1 E17 (TC_E_117). The default
    /// value is false: it sets the TxProfile it last sent for that transaction again, after answering the event.
    /// </summary>
    public bool ForgetsTxProfileOnResume { get; init; }

    /// <summary>
    /// Whether it accepts every NotifyEVChargingNeeds, also one asking for an energy transfer it did not allow the
    /// transaction (breaking OCPP 2.1 Q01 V2X authorisation). The default value is false: such needs are Rejected.
    /// </summary>
    public bool AcceptsEveryChargingNeeds { get; init; }

    /// <summary>
    /// Whether it answers PullDynamicScheduleUpdate Accepted without the profile's values (no scheduleUpdate). The default
    /// value is false: a known Dynamic profile's values are in the answer.
    /// </summary>
    public bool PullsWithoutUpdate { get; init; }

    /// <summary>
    /// The tokens of the default target declaration as a CSMS that knows them answers them (<see cref="Tokens"/>): the
    /// valid ones and the master pass Accepted with their groups, the unknown, blocked and expired ones with those statuses.
    /// </summary>
    public static Dictionary<string, (string Status, string? Group)> DeclaredTokens()
    {
        var tokens = DerSim.Harness.Target.TargetDeclaration.Default.Tokens;
        var known = tokens.Valid.ToDictionary(t => t.IdToken, t => ("Accepted", t.GroupId), StringComparer.Ordinal);
        known[tokens.Unknown.IdToken] = ("Unknown", null);
        known[tokens.Blocked.IdToken] = ("Blocked", null);
        known[tokens.Expired.IdToken] = ("Expired", null);
        if (tokens.MasterPass is { } master)
        {
            known[master.IdToken] = ("Accepted", master.GroupId);
        }

        return known;
    }

    /// <summary>
    /// Upgrades a connection with the first subprotocol offered, even one it does not speak (OCPP-J says: no upgrade;
    /// TC_088). The default value is false: the first offered of ocpp1.6, ocpp2.0.1, ocpp2.1, else HTTP 400.
    /// </summary>
    public bool UpgradesUnknownSubprotocols { get; init; }
}
