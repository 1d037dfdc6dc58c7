namespace DerSim.Sim.SmartCharging;

/// <summary>
/// The charging profiles installed on one station and the transactions they bind to: install with the spec's
/// rejections, clear, query, and the limit in force on an EVSE at any instant. Thread-safe; time is always passed in.
/// </summary>
public sealed partial class ChargingProfileStore
{
    private readonly Lock _gate = new();
    private readonly List<ChargingProfile> _profiles = [];
    private readonly Dictionary<int, ChargingTransaction> _transactions = [];
    private readonly Func<int, bool> _evseExists;

    /// <summary>Creates an empty store.</summary>
    /// <param name="rules">Version-specific install rules. The default value is <see cref="SmartChargingRules.Ocpp2"/>.</param>
    /// <param name="evseExists">Whether an EVSE id (&gt; 0) exists on the station. The default accepts every id.</param>
    public ChargingProfileStore(SmartChargingRules? rules = null, Func<int, bool>? evseExists = null)
    {
        Rules = rules ?? SmartChargingRules.Ocpp2;
        _evseExists = evseExists ?? (static _ => true);
    }

    /// <summary>The install rules in use.</summary>
    public SmartChargingRules Rules { get; }

    /// <summary>Grows by one on every change of profiles or transactions, so a caller can cache limits cheaply.</summary>
    public long Revision { get; private set; }

    /// <summary>A snapshot of every installed profile.</summary>
    public IReadOnlyList<ChargingProfile> Profiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _profiles];
            }
        }
    }

    /// <summary>The 2.x chargingLimitSource of a profile: "EMS" for external constraints, otherwise "CSO".</summary>
    public static string SourceOf(ChargingProfile profile) =>
        profile.Purpose == ChargingProfilePurpose.ChargingStationExternalConstraints ? "EMS" : "CSO";

    /// <summary>The transaction running on <paramref name="evseId"/>, if any.</summary>
    public ChargingTransaction? TransactionOn(int evseId)
    {
        lock (_gate)
        {
            return _transactions.GetValueOrDefault(evseId);
        }
    }

    /// <summary>Records that a transaction started on an EVSE; TxProfiles for it may be installed from now on.</summary>
    public void StartTransaction(int evseId, string transactionId, DateTimeOffset startedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(evseId);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        lock (_gate)
        {
            // A missed EndTransaction must not leave the previous transaction's TxProfiles behind.
            if (_transactions.TryGetValue(evseId, out var previous) && previous.TransactionId != transactionId)
            {
                RemoveTxProfiles(evseId, previous.TransactionId);
            }

            _transactions[evseId] = new ChargingTransaction(transactionId, startedAt);
            Revision++;
        }
    }

    /// <summary>Records that the EVSE's transaction ended and removes its TxProfiles (they live only as long as it).</summary>
    /// <returns>The number of TxProfiles removed.</returns>
    public int EndTransaction(int evseId)
    {
        lock (_gate)
        {
            if (!_transactions.Remove(evseId, out var tx))
            {
                return 0;
            }

            var removed = RemoveTxProfiles(evseId, tx.TransactionId);
            Revision++;
            return removed;
        }
    }

    /// <summary>
    /// Installs a profile sent by the CSMS (SetChargingProfile) on <paramref name="evseId"/> (0 = station), replacing
    /// one with the same id; a TxProfile without a transaction id is bound to the EVSE's running transaction where the
    /// rules allow it.
    /// </summary>
    public ProfileInstallResult Install(int evseId, ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Purpose == ChargingProfilePurpose.ChargingStationExternalConstraints)
        {
            return ProfileInstallResult.Reject(ProfileRejection.PurposeNotAllowed,
                "ChargingStationExternalConstraints are set by an external system, not by the CSMS.");
        }

        return InstallCore(evseId, profile);
    }

    /// <summary>Installs a limit from an external system (an EMS): the only way to set ChargingStationExternalConstraints.</summary>
    public ProfileInstallResult InstallExternal(int evseId, ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Purpose == ChargingProfilePurpose.ChargingStationExternalConstraints
            ? InstallCore(evseId, profile)
            : ProfileInstallResult.Reject(ProfileRejection.PurposeNotAllowed,
                "An external system installs only ChargingStationExternalConstraints.");
    }

    /// <summary>Removes the profile with <paramref name="id"/> (external constraints excepted).</summary>
    public ProfileClearStatus Clear(int id) => Clear(ChargingProfileQuery.ById(id));

    /// <summary>
    /// Removes every profile matching <paramref name="query"/>. External constraints stay unless
    /// <paramref name="includeExternalConstraints"/> is set: the CSMS cannot clear what an external system set.
    /// </summary>
    public ProfileClearStatus Clear(ChargingProfileQuery query, bool includeExternalConstraints = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var removed = _profiles.RemoveAll(p =>
                query.Matches(p)
                && (includeExternalConstraints || p.Purpose != ChargingProfilePurpose.ChargingStationExternalConstraints));
            if (removed == 0)
            {
                return ProfileClearStatus.Unknown;
            }

            Revision++;
            return ProfileClearStatus.Accepted;
        }
    }

    /// <summary>The installed profiles matching <paramref name="query"/>, by EVSE then id (GetChargingProfiles).</summary>
    public IReadOnlyList<ChargingProfile> Get(ChargingProfileQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return [.. _profiles.Where(query.Matches).OrderBy(p => p.EvseId).ThenBy(p => p.Id)];
        }
    }

    private ProfileInstallResult InstallCore(int evseId, ChargingProfile profile)
    {
        if (evseId < 0 || (evseId > 0 && !_evseExists(evseId)))
        {
            return ProfileInstallResult.Reject(ProfileRejection.InvalidEvse, $"EVSE {evseId} does not exist.");
        }

        if (ProfileValidation.Check(evseId, profile, Rules) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var installed = WithDrawnDelays(profile with { EvseId = evseId });
            if (installed.Purpose == ChargingProfilePurpose.Tx)
            {
                if (!_transactions.TryGetValue(evseId, out var tx))
                {
                    return ProfileInstallResult.Reject(ProfileRejection.TxNotFound,
                        $"No transaction is running on EVSE {evseId}.");
                }

                if (installed.TransactionId is null)
                {
                    if (Rules.RequireTransactionIdForTx)
                    {
                        return ProfileInstallResult.Reject(ProfileRejection.TransactionMismatch,
                            "A TxProfile must name its transaction.");
                    }

                    installed = installed with { TransactionId = tx.TransactionId };
                }
                else if (!string.Equals(installed.TransactionId, tx.TransactionId, StringComparison.Ordinal))
                {
                    return ProfileInstallResult.Reject(ProfileRejection.TransactionMismatch,
                        $"Transaction {installed.TransactionId} is not the one running on EVSE {evseId}.");
                }
            }

            var sameSlot = _profiles
                .Where(p => p.Id != installed.Id && OccupiesSameSlot(p, installed))
                .ToList();
            if (!Rules.SameStackLevelReplaces && sameSlot.Any(p => ValidityOverlaps(p, installed)))
            {
                return ProfileInstallResult.Reject(ProfileRejection.DuplicateStackLevel,
                    $"Another {installed.Purpose} profile at stack level {installed.StackLevel} already applies on EVSE {evseId}.");
            }

            _profiles.RemoveAll(p => p.Id == installed.Id || (Rules.SameStackLevelReplaces && sameSlot.Contains(p)));
            _profiles.Add(installed);
            Revision++;
            return ProfileInstallResult.Accepted;
        }
    }

    private int RemoveTxProfiles(int evseId, string transactionId) =>
        _profiles.RemoveAll(p =>
            p.Purpose == ChargingProfilePurpose.Tx && p.EvseId == evseId
            && string.Equals(p.TransactionId, transactionId, StringComparison.Ordinal));

    private static bool OccupiesSameSlot(ChargingProfile a, ChargingProfile b) =>
        a.Purpose == b.Purpose
        && a.StackLevel == b.StackLevel
        && a.EvseId == b.EvseId
        && (a.Purpose != ChargingProfilePurpose.Tx || string.Equals(a.TransactionId, b.TransactionId, StringComparison.Ordinal));

    private static bool ValidityOverlaps(ChargingProfile a, ChargingProfile b) =>
        (a.ValidTo is not { } aTo || b.ValidFrom is not { } bFrom || bFrom < aTo)
        && (b.ValidTo is not { } bTo || a.ValidFrom is not { } aFrom || aFrom < bTo);
}
