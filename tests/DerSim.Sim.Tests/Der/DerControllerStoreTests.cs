using DerSim.Sim.Der;
using DerSim.Sim.Physics;
using Microsoft.Extensions.Time.Testing;

namespace DerSim.Sim.Tests.Der;

/// <summary>The store: priorities, superseding, default versus scheduled, get and clear, start/stop and alarm notifications.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DerControllerStoreTests
{
    private static readonly DateTimeOffset T0 = DerRig.Start;

    [Test]
    public void A_same_or_higher_priority_control_of_the_same_kind_supersedes_and_a_lower_one_does_not()
    {
        var der = new DerController(new FakeTimeProvider(T0), new SimulatedGrid());
        der.Set(Limit("a", priority: 5)).SupersededIds.ShouldBeEmpty();
        der.Set(Limit("b", priority: 7)).SupersededIds.ShouldBeEmpty();
        der.Set(Limit("c", priority: 5)).SupersededIds.ShouldBe(["a", "b"]);
        der.Active(DerControlType.LimitMaxDischarge, T0)!.Id.ShouldBe("c");
        der.Get(isDefault: true).Select(c => (c.Control.Id, c.IsSuperseded)).ShouldBe([("a", true), ("b", true), ("c", false)]);
    }

    [Test]
    public void A_scheduled_control_wins_over_the_default_inside_its_window_only_and_starts_and_stops()
    {
        var der = new DerController(new FakeTimeProvider(T0), new SimulatedGrid());
        der.Set(Limit("default", priority: 0));
        der.Set(new DerControl("sched", DerControlType.LimitMaxDischarge, false, new DerLimitMaxDischarge(9, 10) { StartTime = T0.AddSeconds(10), Duration = TimeSpan.FromSeconds(20) }))
            .Status.ShouldBe(DerStatus.Accepted);
        der.Poll(T0).ShouldBeEmpty();
        der.NextDue(T0).ShouldBe(T0.AddSeconds(10));
        der.Active(DerControlType.LimitMaxDischarge, T0.AddSeconds(15))!.Id.ShouldBe("sched");
        der.Poll(T0.AddSeconds(10)).Cast<DerStartStop>().Select(n => (n.At, n.ControlId, n.Started)).ShouldBe([(T0.AddSeconds(10), "sched", true)]);
        der.NextDue(T0.AddSeconds(10)).ShouldBe(T0.AddSeconds(30));
        der.Poll(T0.AddSeconds(30)).Cast<DerStartStop>().Select(n => (n.At, n.ControlId, n.Started)).ShouldBe([(T0.AddSeconds(30), "sched", false)]);
        der.Active(DerControlType.LimitMaxDischarge, T0.AddSeconds(30))!.Id.ShouldBe("default");
    }

    [Test]
    public void A_late_poll_stamps_starts_and_stops_with_the_instants_they_happened()
    {
        var time = new FakeTimeProvider(T0);
        var der = new DerController(time, new SimulatedGrid());
        der.Set(Scheduled("early", priority: 3, startSeconds: 10, durationSeconds: 20));
        der.Set(Scheduled("later", priority: 3, startSeconds: 50, durationSeconds: 100));
        time.Advance(TimeSpan.FromSeconds(70));

        // Set after its start time: it came into force when it was set.
        der.Set(new DerControl("gradual", DerControlType.Gradients, false, new DerGradients(1, 10, 0) { StartTime = T0, Duration = TimeSpan.FromSeconds(500) }));

        der.Poll(T0.AddSeconds(200)).Cast<DerStartStop>().Select(n => (n.At, n.ControlId, n.Started)).ShouldBe([
            (T0.AddSeconds(10), "early", true),
            (T0.AddSeconds(30), "early", false),
            (T0.AddSeconds(50), "later", true),
            (T0.AddSeconds(70), "gradual", true),
            (T0.AddSeconds(150), "later", false),
        ]);
        der.Poll(T0.AddSeconds(600)).Cast<DerStartStop>().Select(n => (n.At, n.ControlId, n.Started)).ShouldBe([(T0.AddSeconds(500), "gradual", false)]);
    }

    [Test]
    public void A_lower_priority_control_starts_when_the_better_one_ends_not_at_its_own_start()
    {
        var der = new DerController(new FakeTimeProvider(T0), new SimulatedGrid());
        der.Set(Scheduled("better", priority: 1, startSeconds: 0, durationSeconds: 60));
        der.Set(Scheduled("worse", priority: 5, startSeconds: 10, durationSeconds: 120)).SupersededIds.ShouldBeEmpty();

        der.Poll(T0.AddSeconds(100)).Cast<DerStartStop>().Select(n => (n.At, n.ControlId, n.Started)).ShouldBe([
            (T0, "better", true),
            (T0.AddSeconds(60), "better", false),
            (T0.AddSeconds(60), "worse", true),
        ]);
    }

    [Test]
    public void Clearing_matches_by_id_or_kind_and_type_and_nothing_matched_is_zero()
    {
        var der = new DerController(new FakeTimeProvider(T0), new SimulatedGrid());
        der.Set(Limit("a", 1));
        der.Set(new DerControl("g", DerControlType.Gradients, true, new DerGradients(1, 10, 0)));
        der.Clear(isDefault: false).ShouldBe(0);
        der.Clear(isDefault: true, controlId: "missing").ShouldBe(0);
        der.Clear(isDefault: true, type: DerControlType.Gradients).ShouldBe(1);
        der.Get().Select(c => c.Control.Id).ShouldBe(["a"]);
        der.Clear(isDefault: true, controlId: "a").ShouldBe(1);
        der.Get().ShouldBeEmpty();
    }

    [Test]
    public void A_curve_type_without_its_curve_is_rejected()
    {
        var der = new DerController(new FakeTimeProvider(T0), new SimulatedGrid());
        var result = der.Set(new DerControl("x", DerControlType.VoltVar, true, new DerGradients(1, 1, 1)));
        result.Status.ShouldBe(DerStatus.Rejected);
        result.ReasonCode.ShouldNotBeNull();
        der.Set(new DerControl("s", DerControlType.LimitMaxDischarge, false, new DerLimitMaxDischarge(1, 50))).Status.ShouldBe(DerStatus.Rejected);
    }

    [Test]
    public void Crossing_a_trip_setting_raises_an_alarm_and_returning_ends_it()
    {
        var time = new FakeTimeProvider(T0);
        var grid = new SimulatedGrid();
        var der = new DerController(time, grid);
        der.Set(new DerControl("hf", DerControlType.HFMustTrip, true, DerRig.Curve(DerUnit.NotApplicable, (50.5, 1))));
        grid.SetFrequency(50.4);
        der.Poll(T0).ShouldBeEmpty();
        grid.SetFrequency(50.8);
        time.Advance(TimeSpan.FromSeconds(3));
        grid.Restore();
        der.Poll(time.GetUtcNow()).ShouldBe([
            new DerAlarm(T0, DerControlType.HFMustTrip, DerGridFault.OverFrequency, false),
            new DerAlarm(T0.AddSeconds(3), DerControlType.HFMustTrip, DerGridFault.OverFrequency, true),
        ]);
    }

    [TestCase(new[] { 50.0, 100.0 }, new[] { 0.0, 10.0 }, 75.0, 5.0)]
    [TestCase(new[] { 50.0, 100.0 }, new[] { 0.0, 10.0 }, 10.0, 0.0)]
    [TestCase(new[] { 50.0, 100.0 }, new[] { 0.0, 10.0 }, 200.0, 10.0)]
    public void Interpolation_is_linear_inside_and_held_outside(double[] xs, double[] ys, double x, double expected) =>
        DerCurves.Interpolate([.. xs.Zip(ys, (a, b) => new DerCurvePoint(a, b))], x).ShouldBe(expected, 1e-9);

    [TestCase(true, 112.0, 2.0)]
    [TestCase(true, 125.0, 0.16)]
    [TestCase(true, 105.0, null)]
    [TestCase(false, 115.0, 0.16)]
    public void Trip_delay_is_the_tightest_point_beyond_which_the_grid_stands(bool high, double x, double? expected) =>
        DerCurves.TripDelaySeconds([new DerCurvePoint(110, 2), new DerCurvePoint(120, 0.16)], high, x).ShouldBe(expected);

    private static DerControl Scheduled(string id, int priority, double startSeconds, double durationSeconds) =>
        new(id, DerControlType.LimitMaxDischarge, false, new DerLimitMaxDischarge(priority, 50) { StartTime = T0.AddSeconds(startSeconds), Duration = TimeSpan.FromSeconds(durationSeconds) });

    private static DerControl Limit(string id, int priority) => new(id, DerControlType.LimitMaxDischarge, true, new DerLimitMaxDischarge(priority, 50));
}
