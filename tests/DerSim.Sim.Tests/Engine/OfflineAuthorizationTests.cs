using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// Offline, the station decides on a driver's token itself (LocalAuthorizeOffline): a token the CSMS accepted before is let
/// in, one it refused never; a token never seen only with AllowOfflineTxForUnknownId (2.x AuthCtrlr.OfflineTxForUnknownIdEnabled, C15).
/// </summary>
public sealed class OfflineAuthorizationTests
{
    [TestCase("false", "NEVER-SEEN", false)]
    [TestCase("true", "NEVER-SEEN", true)]
    [TestCase("true", "REFUSED", false)]
    [TestCase("false", "ACCEPTED", true)]
    public void Decides_offline_from_what_it_knows(string unknownAllowed, string token, bool expected)
    {
        var configuration = new StationConfiguration(1);
        configuration.Preset(configuration.Get("AuthCtrlr", "OfflineTxForUnknownIdEnabled")!, unknownAllowed);
        var offline = new OfflineAuthorization();
        offline.Remember("REFUSED", accepted: false);
        offline.Remember("ACCEPTED", accepted: true);

        offline.Decide(1, token, configuration, _ => { }).ShouldBe(expected);
    }
}
