using DerSim.Sim.SmartCharging;
using static DerSim.Sim.SmartCharging.ChargingProfilePurpose;
using static DerSim.Sim.Tests.SmartCharging.Build;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>Install, replace, reject, clear and query profiles as the 1.6 and 2.x rules say.</summary>
[TestFixture]
public sealed class ChargingProfileStoreTests
{
    [Test]
    public void Tx_profile_without_a_transaction_is_rejected_in_both_rule_sets()
    {
        foreach (var rules in new[] { SmartChargingRules.V16, SmartChargingRules.Ocpp2 })
        {
            var store = new ChargingProfileStore(rules);
            var result = store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)) with { TransactionId = "7" });
            result.IsAccepted.ShouldBeFalse();
            result.Rejection.ShouldBe(ProfileRejection.TxNotFound);
            result.ReasonCode.ShouldBe("TxNotFound");
            store.Profiles.ShouldBeEmpty();
        }
    }

    [Test]
    public void Tx_profile_must_name_the_running_transaction()
    {
        var store = StoreWithTransaction();
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)) with { TransactionId = "OTHER" })
            .Rejection.ShouldBe(ProfileRejection.TransactionMismatch);
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)))
            .Rejection.ShouldBe(ProfileRejection.TransactionMismatch, "2.x requires the transactionId");
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)) with { TransactionId = "TX-1" })
            .IsAccepted.ShouldBeTrue();
    }

    [Test]
    public void V16_tx_profile_without_id_binds_to_the_running_transaction()
    {
        var store = StoreWithTransaction(SmartChargingRules.V16, txId: "42");
        store.Install(1, Profile(3, Tx, 0, ChargingRateUnit.W, (0, 11000m))).IsAccepted.ShouldBeTrue();
        store.Profiles.Single().TransactionId.ShouldBe("42");
    }

    [Test]
    public void Station_max_only_on_evse_0_and_tx_never_on_evse_0()
    {
        var store = StoreWithTransaction();
        store.Install(1, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 100000m)))
            .Rejection.ShouldBe(ProfileRejection.InvalidEvse);
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 100000m)))
            .IsAccepted.ShouldBeTrue();
        store.Install(0, Profile(2, Tx, 0, ChargingRateUnit.W, (0, 1000m)) with { TransactionId = "TX-1" })
            .Rejection.ShouldBe(ProfileRejection.InvalidEvse);
    }

    [Test]
    public void Unknown_evse_is_rejected()
    {
        var store = new ChargingProfileStore(evseExists: id => id <= 2);
        store.Install(3, Profile(1, TxDefault, 0, ChargingRateUnit.A, (0, 16m))).Rejection.ShouldBe(ProfileRejection.InvalidEvse);
        store.Install(2, Profile(1, TxDefault, 0, ChargingRateUnit.A, (0, 16m))).IsAccepted.ShouldBeTrue();
    }

    [Test]
    public void The_csms_cannot_install_external_constraints_but_an_ems_can()
    {
        var store = new ChargingProfileStore();
        var external = Absolute(9, ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 40000m));
        store.Install(0, external).Rejection.ShouldBe(ProfileRejection.PurposeNotAllowed);
        store.InstallExternal(0, external).IsAccepted.ShouldBeTrue();
        store.InstallExternal(0, Profile(1, TxDefault, 0, ChargingRateUnit.A, (0, 16m))).Rejection.ShouldBe(ProfileRejection.PurposeNotAllowed);
    }

    [TestCase(new[] { 10, 20 }, TestName = "First period not at 0")]
    [TestCase(new[] { 0, 300, 300 }, TestName = "Periods not increasing")]
    [TestCase(new int[0], TestName = "No periods")]
    public void Malformed_schedules_are_rejected(int[] starts)
    {
        var store = new ChargingProfileStore();
        var profile = Profile(1, TxDefault, 0, ChargingRateUnit.A, [.. starts.Select(s => (s, 16m))]);
        store.Install(1, profile).Rejection.ShouldBe(ProfileRejection.InvalidSchedule);
    }

    [Test]
    public void Ocpp2_requires_start_schedule_for_absolute_and_forbids_it_for_relative_while_v16_is_lenient()
    {
        var absoluteWithout = Profile(1, TxDefault, 0, ChargingProfileKind.Absolute, null, ChargingRateUnit.A, (0, 16m));
        var relativeWith = Profile(2, TxDefault, 1, ChargingProfileKind.Relative, T0, ChargingRateUnit.A, (0, 16m));
        var recurringWithoutKind = Profile(3, TxDefault, 2, ChargingProfileKind.Recurring, T0, ChargingRateUnit.A, (0, 16m));

        var strict = new ChargingProfileStore(SmartChargingRules.Ocpp2);
        strict.Install(1, absoluteWithout).Rejection.ShouldBe(ProfileRejection.InvalidSchedule);
        strict.Install(1, relativeWith).Rejection.ShouldBe(ProfileRejection.InvalidSchedule);
        strict.Install(1, recurringWithoutKind).Rejection.ShouldBe(ProfileRejection.InvalidSchedule);
        strict.Install(0, Profile(4, ChargingStationMax, 0, ChargingRateUnit.W, (0, 1000m))).Rejection.ShouldBe(ProfileRejection.InvalidSchedule);

        var lenient = new ChargingProfileStore(SmartChargingRules.V16);
        lenient.Install(1, absoluteWithout).IsAccepted.ShouldBeTrue();
    }

    [Test]
    public void Valid_to_before_valid_from_is_rejected()
    {
        var store = new ChargingProfileStore();
        var profile = Profile(1, TxDefault, 0, ChargingRateUnit.A, (0, 16m)) with { ValidFrom = T0, ValidTo = T0 };
        store.Install(1, profile).Rejection.ShouldBe(ProfileRejection.InvalidValidity);
    }

    [Test]
    public void Same_id_replaces_the_old_profile_even_on_another_evse()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(5, TxDefault, 0, ChargingRateUnit.A, (0, 16m))).IsAccepted.ShouldBeTrue();
        store.Install(2, Profile(5, TxDefault, 3, ChargingRateUnit.A, (0, 10m))).IsAccepted.ShouldBeTrue();
        var only = store.Profiles.ShouldHaveSingleItem();
        only.EvseId.ShouldBe(2);
        only.StackLevel.ShouldBe(3);
    }

    [Test]
    public void V16_same_stack_level_and_purpose_on_the_same_connector_replaces()
    {
        var store = new ChargingProfileStore(SmartChargingRules.V16);
        store.Install(1, Profile(1, TxDefault, 2, ChargingRateUnit.A, (0, 16m))).IsAccepted.ShouldBeTrue();
        store.Install(2, Profile(2, TxDefault, 2, ChargingRateUnit.A, (0, 20m))).IsAccepted.ShouldBeTrue("another connector is another slot");
        store.Install(1, Profile(3, TxDefault, 2, ChargingRateUnit.A, (0, 10m))).IsAccepted.ShouldBeTrue();
        store.Profiles.Select(p => p.Id).Order().ShouldBe([2, 3]);
    }

    [Test]
    public void Ocpp2_same_stack_level_and_purpose_with_overlapping_validity_is_rejected_but_disjoint_windows_coexist()
    {
        var store = new ChargingProfileStore(SmartChargingRules.Ocpp2);
        var morning = Profile(1, TxDefault, 2, ChargingRateUnit.A, (0, 16m)) with { ValidFrom = T0, ValidTo = T0.AddHours(4) };
        var overlapping = Profile(2, TxDefault, 2, ChargingRateUnit.A, (0, 10m)) with { ValidFrom = T0.AddHours(3) };
        var afternoon = Profile(3, TxDefault, 2, ChargingRateUnit.A, (0, 10m)) with { ValidFrom = T0.AddHours(4) };

        store.Install(1, morning).IsAccepted.ShouldBeTrue();
        var rejected = store.Install(1, overlapping);
        rejected.Rejection.ShouldBe(ProfileRejection.DuplicateStackLevel);
        rejected.ReasonCode.ShouldBe("DuplicateProfile");
        store.Install(1, afternoon).IsAccepted.ShouldBeTrue();
        store.Profiles.Count.ShouldBe(2);
    }

    [Test]
    public void Ending_the_transaction_removes_its_tx_profiles_only()
    {
        var store = StoreWithTransaction();
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)) with { TransactionId = "TX-1" }).IsAccepted.ShouldBeTrue();
        store.Install(1, Profile(2, TxDefault, 0, ChargingRateUnit.W, (0, 7000m))).IsAccepted.ShouldBeTrue();
        var before = store.Revision;

        store.EndTransaction(1).ShouldBe(1);

        store.Profiles.ShouldHaveSingleItem().Id.ShouldBe(2);
        store.TransactionOn(1).ShouldBeNull();
        store.Revision.ShouldBeGreaterThan(before);
        store.EndTransaction(1).ShouldBe(0);
    }

    [Test]
    public void A_new_transaction_on_the_evse_drops_the_previous_transactions_tx_profiles()
    {
        var store = StoreWithTransaction();
        store.Install(1, Profile(1, Tx, 0, ChargingRateUnit.W, (0, 11000m)) with { TransactionId = "TX-1" });
        store.StartTransaction(1, "TX-2", T0.AddHours(1));
        store.Profiles.ShouldBeEmpty();
        store.TransactionOn(1)!.TransactionId.ShouldBe("TX-2");
    }

    [Test]
    public void Clear_by_id_and_by_criteria()
    {
        var store = new ChargingProfileStore();
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 100000m)));
        store.Install(1, Profile(2, TxDefault, 1, ChargingRateUnit.A, (0, 16m)));
        store.Install(2, Profile(3, TxDefault, 1, ChargingRateUnit.A, (0, 16m)));
        store.Install(2, Profile(4, TxDefault, 2, ChargingRateUnit.A, (0, 16m)));
        store.Profiles.Count.ShouldBe(4);

        store.Clear(99).ShouldBe(ProfileClearStatus.Unknown);
        store.Clear(1).ShouldBe(ProfileClearStatus.Accepted);
        store.Clear(new ChargingProfileQuery { EvseId = 2, StackLevel = 1 }).ShouldBe(ProfileClearStatus.Accepted);
        store.Profiles.Select(p => p.Id).Order().ShouldBe([2, 4]);
        store.Clear(new ChargingProfileQuery { Purpose = ChargingStationMax }).ShouldBe(ProfileClearStatus.Unknown);
        store.Clear(new ChargingProfileQuery { Purpose = TxDefault }).ShouldBe(ProfileClearStatus.Accepted);
        store.Profiles.ShouldBeEmpty();
    }

    [Test]
    public void Clear_leaves_external_constraints_unless_asked()
    {
        var store = new ChargingProfileStore();
        store.InstallExternal(0, Absolute(1, ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 40000m)));
        store.Clear(new ChargingProfileQuery()).ShouldBe(ProfileClearStatus.Unknown);
        store.Clear(new ChargingProfileQuery(), includeExternalConstraints: true).ShouldBe(ProfileClearStatus.Accepted);
    }

    [Test]
    public void Get_filters_by_evse_purpose_stack_level_ids_and_source()
    {
        var store = new ChargingProfileStore();
        store.Install(0, Absolute(1, ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 100000m)));
        store.Install(1, Profile(2, TxDefault, 1, ChargingRateUnit.A, (0, 16m)));
        store.Install(2, Profile(3, TxDefault, 2, ChargingRateUnit.A, (0, 16m)));
        store.InstallExternal(0, Absolute(4, ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 40000m)));

        store.Get(new ChargingProfileQuery()).Select(p => p.Id).ShouldBe([1, 4, 2, 3]);
        store.Get(new ChargingProfileQuery { EvseId = 0 }).Select(p => p.Id).ShouldBe([1, 4]);
        store.Get(new ChargingProfileQuery { Purpose = TxDefault, StackLevel = 2 }).Select(p => p.Id).ShouldBe([3]);
        store.Get(new ChargingProfileQuery { Ids = [2, 3, 9] }).Select(p => p.Id).ShouldBe([2, 3]);
        store.Get(new ChargingProfileQuery { Sources = ["EMS"] }).Select(p => p.Id).ShouldBe([4]);
        store.Get(new ChargingProfileQuery { EvseId = 5 }).ShouldBeEmpty();
    }
}
