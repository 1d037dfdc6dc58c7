using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Target;

namespace DerSim.Harness.Tests.Target;

/// <summary>The target declaration from reqnroll.json or a file: defaults, a full declaration, and one-line errors naming file and JSON path.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TargetDeclarationLoaderTests
{
    [Test]
    public void Without_a_declaration_the_defaults_fit_the_embedded_CSMS_and_a_strict_one()
    {
        var target = TargetDeclarationLoader.Resolve(new DerSimSettings().Target, "reqnroll.json", _ => null);

        target.StationId(1).ShouldBe("DERSIM-SIM-1");
        target.StationId(2).ShouldBe("DERSIM-SIM-2");
        target.Versions.ShouldBe(["1.6", "2.0.1", "2.1"]);
        target.Features.ShouldBeNull();
        target.SecurityProfile.ShouldBe(0);
        var tokens = new[] { target.Tokens.Valid[0], target.Tokens.Valid[1], target.Tokens.Unknown, target.Tokens.Blocked, target.Tokens.Expired };
        tokens.ShouldAllBe(t => t.EffectiveType == "ISO14443" && t.IdToken.Length == 8);
        tokens.Select(t => t.IdToken).Distinct().Count().ShouldBe(5);
    }

    [Test]
    public void The_bundled_declaration_has_a_token_of_the_valid_tokens_group_and_a_master_pass_token_of_its_own_group()
    {
        var target = TargetDeclarationLoader.Resolve(new DerSimSettings().Target, "reqnroll.json", _ => null);

        var member = target.Token(TokenRole.GroupMember).ShouldNotBeNull();
        member.IdToken.ShouldNotBe(target.Token(TokenRole.Valid)!.IdToken);
        member.GroupId.ShouldBe(target.Token(TokenRole.Valid)!.GroupId);
        target.Token(TokenRole.SecondValid)!.GroupId.ShouldBeNull("a second valid token is no member of the valid token's group");
        var master = target.Token(TokenRole.MasterPass).ShouldNotBeNull();
        master.GroupId.ShouldNotBeNull();
        target.Tokens.Valid.ShouldNotContain(t => t.GroupId == master.GroupId);
        TokenRoles.In("the driver presents a token of the valid token's group on EVSE 1 after the master pass token").ShouldBe([TokenRole.GroupMember, TokenRole.MasterPass]);
    }

    [Test]
    public void A_declaration_without_the_group_or_Master_Pass_tokens_says_why_those_roles_are_missing()
    {
        var file = Write("""{ "tokens": { "valid": [{ "idToken": "DRIVER-1" }, { "idToken": "DRIVER-2", "groupId": "FLEET" }] } }""");
        var grouped = Write("""{ "tokens": { "valid": [{ "idToken": "DRIVER-1", "groupId": "FLEET" }, { "idToken": "DRIVER-2" }] } }""");
        try
        {
            var target = TargetDeclarationLoader.Load(file);
            target.Token(TokenRole.GroupMember).ShouldBeNull();
            target.MissingTokenReason(TokenRole.GroupMember).ShouldBe("the scenario needs a token of the valid token's group but the target's valid token declares no groupId (tokens.valid[0].groupId)");
            target.Token(TokenRole.MasterPass).ShouldBeNull("a declaration of one's own names its master pass token or has none");
            target.MissingTokenReason(TokenRole.MasterPass).ShouldBe("the scenario needs the master pass token but the target declares none (tokens.masterPass, with the Master Pass groupId)");
            TargetDeclarationLoader.Load(grouped).MissingTokenReason(TokenRole.GroupMember)
                .ShouldBe("the scenario needs a token of the valid token's group but no other valid token of the target declares groupId 'FLEET' (tokens.valid[*].groupId)");
            target.MissingTokenReason(TokenRole.Valid).ShouldBeNull();
        }
        finally
        {
            File.Delete(file);
            File.Delete(grouped);
        }
    }

    [Test]
    public void A_declaration_file_gives_ids_tokens_passwords_versions_and_features()
    {
        var file = Write("""
            {
              // comments and trailing commas are fine, as in reqnroll.json
              "stationIds": ["CP-1", "CP-2"],
              "password": "shared",
              "passwords": { "CP-2": "own" },
              "securityProfile": 1,
              "versions": ["ocpp2.0.1", "2.1"],
              "features": ["SmartCharging"],
              "tokens": {
                "valid": [{ "idToken": "DRIVER-1", "groupId": "FLEET" }, { "idToken": "04AABBCCDDEEFF" }],
                "unknown": { "idToken": "NOBODY", "type": "KeyCode" },
                "blocked": { "idToken": "0B0B0B0B" },
                "expired": { "idToken": "0E0E0E0E" },
              },
            }
            """);
        try
        {
            var target = TargetDeclarationLoader.Resolve(new DerSimSettings().Target, "reqnroll.json", name => name == TargetDeclarationLoader.Variable ? file : null);

            target.StationId(2).ShouldBe("CP-2");
            target.StationId(3).ShouldBeNull();
            target.PasswordOf("CP-1").ShouldBe("shared");
            target.PasswordOf("CP-2").ShouldBe("own");
            target.Versions.ShouldBe(["2.0.1", "2.1"]);
            target.Token(TokenRole.Valid)!.EffectiveType.ShouldBe("Local");
            target.Token(TokenRole.Valid)!.GroupId.ShouldBe("FLEET");
            target.Token(TokenRole.SecondValid)!.EffectiveType.ShouldBe("ISO14443");
            target.Token(TokenRole.Unknown)!.EffectiveType.ShouldBe("KeyCode");
            target.NotApplicableReason(["ocpp1.6"]).ShouldBe("the target declares OCPP 2.0.1, 2.1, not 1.6");
            target.NotApplicableReason(["ocpp1.6", "ocpp2.1"]).ShouldBeNull();
            target.NotApplicableReason(["requires:DERControl"]).ShouldBe("the target does not declare the feature DERControl (declared: SmartCharging)");
            target.NotApplicableReason(["requires:SmartCharging"]).ShouldBeNull();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("""{ "stationIdz": [] }""", "at $.stationIdz: The JSON property 'stationIdz' could not be mapped")]
    [TestCase("""{ "stationIds": [] }""", "at $.stationIds: expected at least one station id")]
    [TestCase("""{ "stationIds": ["CP-1", "CP-1"] }""", "at $.stationIds[1]: 'CP-1' is listed twice")]
    [TestCase("""{ "stationIdPrefix": "a/b" }""", "at $.stationIdPrefix: 'a/b' is not a station id")]
    [TestCase("""{ "securityProfile": 4 }""", "at $.securityProfile: expected 0, 1, 2 or 3, found 4")]
    [TestCase("""{ "versions": ["2.0"] }""", "at $.versions[0]: '2.0' is not an OCPP version")]
    [TestCase("""{ "features": ["Smart"] }""", "at $.features[0]: 'Smart' is not a feature DerSim knows")]
    [TestCase("""{ "tokens": { "valid": [] } }""", "at $.tokens.valid: expected at least one valid token")]
    [TestCase("""{ "tokens": { "valid": [{ "idToken": "TAG-1", "type": "ISO14443" }] } }""", "at $.tokens.valid[0].type: 'TAG-1' is no ISO14443 card UID")]
    [TestCase("""{ "tokens": { "blocked": { "idToken": "X", "type": "Card" } } }""", "at $.tokens.blocked.type: 'Card' is not an idToken type")]
    [TestCase("""{ "tokens": { "expired": { "idToken": "04A1B2C3" } } }""", "at $.tokens.expired.idToken: '04A1B2C3' plays two roles (also $.tokens.valid[0])")]
    [TestCase("""{ "tokens": { "unknown": { "idToken": "THIS-TOKEN-IS-TOO-LONG" } } }""", "at $.tokens.unknown.idToken: 'THIS-TOKEN-IS-TOO-LONG' is not an id token")]
    [TestCase("""{ "versions": "2.1" }""", "at $.versions: The JSON value could not be converted")]
    [TestCase("""{ "tokens": { "masterPass": { "idToken": "04BADA55" } } }""", "at $.tokens.masterPass.groupId: expected the Master Pass group")]
    [TestCase("""{ "tokens": { "masterPass": { "idToken": "04BADA55", "groupId": "DERSIM-GROUP-1" } } }""", "at $.tokens.masterPass.groupId: 'DERSIM-GROUP-1' is also the group of $.tokens.valid[0]")]
    [TestCase("""{ "tokens": { "masterPass": { "idToken": "0E0E0E0E", "groupId": "POLICE" } } }""", "at $.tokens.masterPass.idToken: '0E0E0E0E' plays two roles (also $.tokens.expired)")]
    public void A_bad_declaration_file_names_the_file_and_the_JSON_path(string json, string expected)
    {
        var file = Write(json);
        try
        {
            var error = Should.Throw<DerSimConfigException>(() => TargetDeclarationLoader.Load(file));
            error.Message.ShouldStartWith($"{file} {expected}");
            error.Message.ShouldNotContain("\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_bad_declaration_in_reqnroll_json_names_the_path_under_dersim_target()
    {
        var file = Write("""{ "dersim": { "target": { "tokens": { "valid": [{ "idToken": "04A1B2C3", "type": "Badge" }] } } } }""");
        try
        {
            var error = Should.Throw<DerSimConfigException>(() => TargetDeclarationLoader.Resolve(DerSimConfig.Load(file).Target, file, _ => null));
            error.Message.ShouldStartWith($"{file} at $.dersim.target.tokens.valid[0].type: 'Badge' is not an idToken type");

            var unknownKey = Write("""{ "dersim": { "target": { "token": {} } } }""");
            try
            {
                Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(unknownKey)).Message.ShouldContain("at $.dersim.target.token");
            }
            finally
            {
                File.Delete(unknownKey);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_missing_declaration_file_is_named()
    {
        var error = Should.Throw<DerSimConfigException>(() => TargetDeclarationLoader.Resolve(new DerSimSettings().Target, "reqnroll.json", _ => "/nowhere/target.json"));
        error.Message.ShouldBe("/nowhere/target.json: no such target declaration file (named by --target or DERSIM_TARGET)");
    }

    [Test]
    public void Security_profiles_need_the_scheme_and_passwords_they_imply()
    {
        var ws = new Uri("ws://csms.example/ocpp");
        var noEnv = (Func<string, string?>)(_ => null);
        Should.Throw<DerSimConfigException>(() => TargetSecurity.Check(new TargetDeclaration { SecurityProfile = 2, Password = "p" }, ws, noEnv))
            .Message.ShouldBe("target securityProfile 2 needs a wss:// CSMS URL; got ws://csms.example/ocpp");
        Should.Throw<DerSimConfigException>(() => TargetSecurity.Check(new TargetDeclaration { SecurityProfile = 1 }, ws, noEnv))
            .Message.ShouldContain("needs Basic-auth passwords");
        TargetSecurity.Check(new TargetDeclaration { SecurityProfile = 1 }, ws, name => name == "DERSIM_CSMS_PASSWORD" ? "from-env" : null);
        TargetSecurity.Check(new TargetDeclaration { SecurityProfile = 1, StationIds = ["CP-1"], Passwords = new Dictionary<string, string> { ["CP-1"] = "p" } }, ws, noEnv);
        TargetSecurity.Check(new TargetDeclaration { SecurityProfile = 3 }, null, noEnv);
    }

    private static string Write(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dersim-target-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        return file;
    }
}
