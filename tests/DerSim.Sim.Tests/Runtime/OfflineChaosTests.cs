using DerSim.Sim.Engine;
using DerSim.Ocpp;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>
/// Chaos against a real station runner driving its own plan: many random drops — TCP resets, clean closes by the
/// CSMS, reconnects refused for a while, drops while a transaction message is unanswered — and at the CSMS nothing is
/// lost, nothing counted twice, every transaction ends, 2.x seqNo stays continuous and the energy register never goes back.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OfflineChaosTests
{
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_hundred_random_drops_lose_and_duplicate_no_transaction_message(OcppVersion version)
    {
        var figures = await RunChaosAsync(version, drops: 100, seed: 13 + (int)version);
        TestContext.Out.WriteLine($"{version}: {figures}");
    }

    [Explicit("long: about ten times the 100-drop run")]
    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_thousand_random_drops_lose_and_duplicate_no_transaction_message(OcppVersion version)
    {
        var figures = await RunChaosAsync(version, drops: 1000, seed: 1013 + (int)version);
        TestContext.Out.WriteLine($"{version}: {figures}");
    }

    private static async Task<ChaosVerdict.Figures> RunChaosAsync(OcppVersion version, int drops, int seed)
    {
        // 15 simulated minutes a second: a sample every minute is one every 67 ms, a 20 -> 30 % session about 4 s.
        var plan = new SessionPlan { Sessions = 100_000, TimeScale = 900, InitialSocPercent = 20, TargetSocPercent = 30 };
        await using var rig = await ChaosCsmsRig.StartAsync(version, $"CHAOS-{version}-{drops}", plan);
        var random = new Random(seed);
        await rig.UntilAsync(() => rig.Runner.IsOnline && rig.Runner.Engine.Transactions.Count > 0, "the first transaction");

        for (var i = 0; i < drops; i++)
        {
            await rig.UntilAsync(() => rig.Runner.IsOnline, $"the reconnect before drop {i + 1}");
            await Task.Delay(random.Next(30, 120));
            switch (random.Next(4))
            {
                case 0:
                    // A TCP reset; the station may reconnect at once.
                    rig.Link.Cut();
                    await Task.Delay(random.Next(0, 20));
                    rig.Link.Restore();
                    break;
                case 1:
                    // The CSMS closes the WebSocket cleanly.
                    if (rig.Peer is { } peer)
                    {
                        await peer.DisposeAsync();
                    }

                    break;
                case 2:
                    // The network is down for a while: every reconnect is refused meanwhile.
                    rig.Link.Cut();
                    await Task.Delay(random.Next(120, 350));
                    rig.Link.Restore();
                    break;
                default:
                    // The next transaction message reaches the CSMS, which drops the connection instead of answering.
                    var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var reset = random.Next(2) == 0;
                    rig.OnNextTransactionMessage(async peer =>
                    {
                        if (reset)
                        {
                            rig.Link.Cut();
                        }
                        else
                        {
                            await peer.DisposeAsync();
                        }

                        fired.TrySetResult();
                    });
                    if (await Task.WhenAny(fired.Task, Task.Delay(2000)) != fired.Task)
                    {
                        // No transaction message in that time (between sessions): a plain reset instead.
                        rig.OnNextTransactionMessageCancel();
                        rig.Link.Cut();
                    }

                    await Task.Delay(random.Next(0, 100));
                    rig.Link.Restore();
                    break;
            }
        }

        // The end of the plan: running transactions stop, and everything queued is delivered.
        await rig.UntilAsync(() => rig.Runner.IsOnline, "the last reconnect");
        await rig.Runner.Engine.EndPlanAsync(TransactionStopReason.Local, CancellationToken.None).WaitAsync(ChaosCsmsRig.Wait);
        await rig.UntilAsync(() => rig.Runner.IsOnline && rig.Runner.Engine.Outbox.Queued == 0 && rig.Runner.Engine.Transactions.Count == 0, "everything delivered");

        var figures = ChaosVerdict.Check(rig);
        figures.Connections.ShouldBeGreaterThanOrEqualTo(drops * 9 / 10, rig.Describe());
        figures.Transactions.ShouldBeGreaterThan(3, rig.Describe());
        figures.Offline.ShouldBeGreaterThan(0, $"no transaction message was made offline: the chaos did not test queueing\n{rig.Describe()}");
        figures.Resent.ShouldBeGreaterThan(0, $"no message was resent: the chaos did not test unanswered calls\n{rig.Describe()}");
        // Resent: transmissions the station made again (some never reached the CSMS before the drop).
        return figures with { Resent = rig.Log.Count(l => l.Contains(" sent again with its message id ", StringComparison.Ordinal)) };
    }
}
