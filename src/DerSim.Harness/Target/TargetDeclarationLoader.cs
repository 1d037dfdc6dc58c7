using System.Text.Json;
using System.Text.Json.Serialization;
using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;

namespace DerSim.Harness.Target;

/// <summary>
/// Finds and checks the target declaration: the file <c>DERSIM_TARGET</c> names (<c>./dersim run --target FILE</c>
/// sets it), else <c>$.dersim.target</c> of the configuration. Every error names the file and the JSON path.
/// </summary>
public static class TargetDeclarationLoader
{
    /// <summary>The environment variable naming a target declaration file.</summary>
    public const string Variable = "DERSIM_TARGET";

    // 1.6's IdToken is CiString20, the shortest of the three versions; so is its parentIdTag.
    private const int MaxTokenLength = 20;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The declaration in force: the <c>DERSIM_TARGET</c> file, else <paramref name="configured"/> (the settings' own, from <paramref name="configPath"/>), checked.</summary>
    /// <exception cref="DerSimConfigException">The file is missing or the declaration is not valid; the message names file and JSON path.</exception>
    public static TargetDeclaration Resolve(TargetDeclaration configured, string configPath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(environment);
        return environment(Variable) is { Length: > 0 } file
            ? Load(file)
            : Check(configured, configPath, "$.dersim.target");
    }

    /// <summary>Reads and checks a declaration file (the shape of <c>$.dersim.target</c> at its root).</summary>
    /// <exception cref="DerSimConfigException">The file is missing, not JSON, or not a valid declaration.</exception>
    public static TargetDeclaration Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DerSimConfigException($"{path}: no such target declaration file (named by --target or {Variable})");
        }

        TargetDeclaration? declaration;
        try
        {
            declaration = JsonSerializer.Deserialize<TargetDeclaration>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            throw new DerSimConfigException($"{path} at {ex.Path ?? "$"}: {ex.Message.Split(" Path:")[0]}");
        }

        return Check(declaration ?? throw new DerSimConfigException($"{path} at $: expected a JSON object, found null"), path, "$");
    }

    /// <summary>Checks <paramref name="declaration"/>, read from <paramref name="file"/> at <paramref name="root"/>; the version names normalised.</summary>
    /// <exception cref="DerSimConfigException">A key has a value DerSim cannot use.</exception>
    public static TargetDeclaration Check(TargetDeclaration declaration, string file, string root)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        void Fail(string at, string what) => throw new DerSimConfigException($"{file} at {root}.{at}: {what}");

        if (declaration.StationIds is { } ids)
        {
            if (ids.Count == 0)
            {
                Fail("stationIds", "expected at least one station id (or leave the key out and use stationIdPrefix)");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                CheckStationId(ids[i], $"stationIds[{i}]", Fail);
                if (ids.Take(i).Contains(ids[i], StringComparer.Ordinal))
                {
                    Fail($"stationIds[{i}]", $"'{ids[i]}' is listed twice");
                }
            }
        }
        else
        {
            CheckStationId(declaration.StationIdPrefix, "stationIdPrefix", Fail);
        }

        if (declaration.SecurityProfile is < 0 or > 3)
        {
            Fail("securityProfile", $"expected 0, 1, 2 or 3, found {declaration.SecurityProfile}");
        }

        if (declaration.Versions.Count == 0)
        {
            Fail("versions", "expected at least one of \"1.6\", \"2.0.1\", \"2.1\"");
        }

        var versions = new List<string>();
        for (var i = 0; i < declaration.Versions.Count; i++)
        {
            if (!OcppVersions.TryParse(declaration.Versions[i], out var version))
            {
                Fail($"versions[{i}]", $"'{declaration.Versions[i]}' is not an OCPP version; expected {OcppVersions.AcceptedSpellings}");
            }

            versions.Add(version!.Value.DisplayName());
        }

        for (var i = 0; i < (declaration.Features?.Count ?? 0); i++)
        {
            if (!TargetFeatures.All.Contains(declaration.Features![i], StringComparer.Ordinal))
            {
                Fail($"features[{i}]", $"'{declaration.Features[i]}' is not a feature DerSim knows; expected one of {string.Join(", ", TargetFeatures.All)}");
            }
        }

        var tokens = declaration.Tokens;
        if (tokens.Valid.Count == 0)
        {
            Fail("tokens.valid", "expected at least one valid token");
        }

        var all = tokens.Valid.Select((t, i) => (Token: t, At: $"tokens.valid[{i}]"))
            .Append((Token: tokens.Unknown, At: "tokens.unknown")).Append((Token: tokens.Blocked, At: "tokens.blocked")).Append((Token: tokens.Expired, At: "tokens.expired")).ToList();
        if (tokens.MasterPass is { } master)
        {
            all.Add((Token: master, At: "tokens.masterPass"));

            // The station knows a Master Pass by its group (AuthCtrlr.MasterPassGroupId): without one it is none, and a
            // group valid tokens share would make every one of them a Master Pass.
            if (master.GroupId is null)
            {
                Fail("tokens.masterPass.groupId", "expected the Master Pass group (the CSMS answers it as the token's groupIdToken); a master pass token needs one");
            }

            if (tokens.Valid.Select((t, i) => (t, i)).FirstOrDefault(v => v.t.GroupId == master.GroupId) is { t: not null } shared)
            {
                Fail("tokens.masterPass.groupId", $"'{master.GroupId}' is also the group of {root}.tokens.valid[{shared.i}]; the Master Pass group must be its own");
            }
        }

        for (var i = 0; i < all.Count; i++)
        {
            var (token, at) = all[i];
            CheckToken(token, at, Fail);
            if (all.Take(i).FirstOrDefault(o => o.Token.IdToken == token.IdToken) is { At: { } first })
            {
                Fail($"{at}.idToken", $"'{token.IdToken}' plays two roles (also {root}.{first}); every role needs its own token");
            }
        }

        return declaration with { Versions = versions };
    }

    private static void CheckStationId(string? id, string at, Action<string, string> fail)
    {
        // The same rule as ./sim and the reference CSMS: an id the CSMS would refuse is caught here, before a run.
        if (StationIdentity.Problem(id) is { } problem)
        {
            fail(at, problem);
        }
    }

    private static void CheckToken(TargetToken token, string at, Action<string, string> fail)
    {
        if (token.IdToken is not { Length: > 0 and <= MaxTokenLength } || token.IdToken.Any(c => c is < '!' or > '~'))
        {
            fail($"{at}.idToken", $"'{token.IdToken}' is not an id token; expected 1-{MaxTokenLength} printable characters without spaces (1.6's limit)");
        }

        if (token.Type is { } type && !IdTokenTypes.IsDefined(type, OcppVersion.V21))
        {
            fail($"{at}.type", $"'{type}' is not an idToken type; expected one of {string.Join(", ", IdTokenTypes.Of(OcppVersion.V21))}");
        }

        if (token.Type == "ISO14443" && IdTokenTypes.Fitting(token.IdToken) != "ISO14443")
        {
            fail($"{at}.type", $"'{token.IdToken}' is no ISO14443 card UID (8 or 14 hex characters); give another type or leave it out");
        }

        if (token.GroupId is { } group && (group.Length is 0 or > MaxTokenLength || group.Any(c => c is < '!' or > '~')))
        {
            fail($"{at}.groupId", $"'{group}' is not a group id; expected 1-{MaxTokenLength} printable characters without spaces");
        }
    }
}
