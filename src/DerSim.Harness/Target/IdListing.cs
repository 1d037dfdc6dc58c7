using System.Text;
using System.Text.RegularExpressions;
using DerSim.Gherkin.Model;
using DerSim.Ocpp;

namespace DerSim.Harness.Target;

/// <summary>
/// The station ids and tokens a selection of scenarios will use against a target, read from the scenarios' steps
/// without running them (<c>./dersim run --list-ids</c>), so an operator can register them in the CSMS first.
/// </summary>
public static partial class IdListing
{
    /// <summary>What <paramref name="scenarios"/> use against <paramref name="target"/>; scenarios the target rules out use nothing.</summary>
    public static (IReadOnlyList<ListedStation> Stations, IReadOnlyList<ListedToken> Tokens) Of(IEnumerable<ScenarioCase> scenarios, TargetDeclaration target)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(target);
        var stations = new Dictionary<string, SortedSet<OcppVersion>>(StringComparer.Ordinal);
        var tokens = new Dictionary<string, ListedToken>(StringComparer.Ordinal);
        foreach (var scenario in scenarios.Where(s => target.NotApplicableReason(s.Tags) is null))
        {
            var ordinal = 0;
            foreach (var step in scenario.Steps)
            {
                if (StationStep().Match(step.Text) is { Success: true } station && OcppVersions.TryParse(station.Groups["version"].Value, out var version))
                {
                    // As the station steps do: a version the target lacks ends the scenario before anything connects.
                    var id = station.Groups["id"].Success ? station.Groups["id"].Value : target.StationId(++ordinal);
                    if (!target.Speaks(version.Value) || id is null)
                    {
                        break;
                    }

                    if (!stations.TryGetValue(id, out var versions))
                    {
                        stations[id] = versions = [];
                    }

                    versions.Add(version.Value);

                    // A station's planned sessions ("an EV ... that wants ...") use the valid token.
                    if (scenario.Steps.Any(s => PlannedSession().IsMatch(s.Text)))
                    {
                        Add(tokens, target.Tokens.Valid[0], "valid");
                    }
                }

                foreach (var role in TokenRoles.In(step.Text))
                {
                    if (target.Token(role) is { } token)
                    {
                        Add(tokens, token, Name(role));
                    }
                }

                if (LiteralToken().Match(step.Text) is { Success: true } literal)
                {
                    Add(tokens, new TargetToken { IdToken = literal.Groups["token"].Value }, "literal");
                }
            }
        }

        return (
            [.. stations.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ListedStation(s.Key, [.. s.Value.Select(v => v.DisplayName())]))],
            [.. tokens.Values]);
    }

    /// <summary>
    /// The listing as text: a "station" line per id (with its versions), then a "token" line per token with its type,
    /// group (or -) and role, columns separated by tabs.
    /// </summary>
    public static string Format(IReadOnlyList<ListedStation> stations, IReadOnlyList<ListedToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        text.Append("# station\tid\tOCPP versions\n");
        foreach (var station in stations)
        {
            text.Append($"station\t{station.Id}\t{string.Join(",", station.Versions)}\n");
        }

        text.Append("# token\tidToken\ttype (2.x)\tgroupId\trole\n");
        foreach (var token in tokens)
        {
            text.Append($"token\t{token.Token.IdToken}\t{token.Type}\t{token.Token.GroupId ?? "-"}\t{token.Role}\n");
        }

        return text.ToString();
    }

    private static void Add(Dictionary<string, ListedToken> tokens, TargetToken token, string role) =>
        tokens.TryAdd(token.IdToken, new ListedToken(token, token.EffectiveType, role));

    private static string Name(TokenRole role) => role switch
    {
        TokenRole.SecondValid => "second valid",
        TokenRole.GroupMember => "valid, the valid token's group",
        TokenRole.MasterPass => "master pass",
        _ => role.ToString().ToLowerInvariant(),
    };

    // The station steps of StationSteps: "a station "ID" with profile", "a station with profile", "a second station with profile".
    [GeneratedRegex("""^a (?:second )?station (?:"(?<id>[^"]+)" )?with profile "[^"]*" on OCPP (?<version>\S+)$""")]
    private static partial Regex StationStep();

    // SessionSteps.PlanSession: a session the station drives itself, with the valid token.
    [GeneratedRegex("""^an EV "[^"]*" at \d+% that wants \d+%$""")]
    private static partial Regex PlannedSession();

    // Steps naming a literal token: "presents token "X"", "for token "X"", "refused token "X"".
    [GeneratedRegex("""token "(?<token>[^"]+)"$|token "(?<token>[^"]+)" on EVSE""")]
    private static partial Regex LiteralToken();
}
