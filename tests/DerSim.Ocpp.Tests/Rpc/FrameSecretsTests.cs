using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>What a printed or recorded frame hides: every secret a CSMS can set, and nothing else.</summary>
public sealed class FrameSecretsTests
{
    [TestCase("SecurityCtrlr", null, "BasicAuthPassword")]
    [TestCase("NetworkConfiguration", "2", "BasicAuthPassword")]
    [TestCase("NetworkConfiguration", "2", "ApnPassword")]
    [TestCase("NetworkConfiguration", "2", "SimPin")]
    [TestCase("NetworkConfiguration", "3", "VpnPassword")]
    [TestCase("NetworkConfiguration", "3", "VpnKey")]
    [TestCase("securityctrlr", null, "basicauthpassword")]
    public void A_secret_variable_set_with_SetVariables_is_masked(string component, string? instance, string variable)
    {
        var named = instance is null ? $$"""{"name":"{{component}}"}""" : $$"""{"name":"{{component}}","instance":"{{instance}}"}""";
        var frame = $$$"""[2,"1","SetVariables",{"setVariableData":[{"attributeValue":"ws://csms.example/ocpp","component":{{{named}}},"variable":{"name":"OcppCsmsUrl"}},{"attributeValue":"s3cret-0123456789ab","component":{{{named}}},"variable":{"name":"{{{variable}}}"}}]}]""";

        var masked = FrameSecrets.Masked(frame);

        masked.ShouldNotContain("s3cret");
        masked.ShouldContain("\"attributeValue\":\"***\"");
        masked.ShouldContain("ws://csms.example/ocpp", customMessage: "what is no secret stays");
    }

    [Test]
    public void The_secrets_of_a_network_profile_are_masked_and_its_SIM_PIN_stays_a_number()
    {
        const string Frame = """[2,"1","SetNetworkProfile",{"configurationSlot":2,"connectionData":{"ocppInterface":"Wireless0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"wss://csms.example/ocpp","securityProfile":2,"basicAuthPassword":"pw-basic-0123456789","apn":{"apn":"internet.example","apnAuthentication":"CHAP","apnPassword":"pw-apn","simPin":1234},"vpn":{"server":"vpn.example","user":"u","password":"pw-vpn","key":"vpn-shared-key","type":"IKEv2"}}}]""";

        var masked = FrameSecrets.Masked(Frame);

        masked.ShouldNotContain("pw-");
        masked.ShouldNotContain("vpn-shared-key");
        masked.ShouldContain("\"simPin\":1234");
        masked.ShouldContain("\"server\":\"vpn.example\"");
    }

    [Test]
    public void A_frame_without_secrets_is_the_same_string()
    {
        const string Frame = """[2,"1","SetVariables",{"setVariableData":[{"attributeValue":"60","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}]""";

        FrameSecrets.Masked(Frame).ShouldBeSameAs(Frame);
    }
}
