using System.CommandLine;
using System.Text;
using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Drivers.Csms;
using DerSim.Ocpp;

namespace DerSim.Harness.Cli;

/// <summary>
/// <c>dersim drivers</c>: the CSMS drivers; <c>--actions</c> lists every action the Http driver can be configured for,
/// its OCPP action per version and the placeholders its templates can use, read from the code
/// (<see cref="CsmsActionCatalogue"/>), and which template of the loaded configuration (reqnroll.json and
/// <c>DERSIM_CONFIG</c>) serves each; <c>--markdown</c> prints that list, without the configuration, as the table of
/// docs/http-driver.md.
/// </summary>
internal static class DriversCommand
{
    public static Command Create()
    {
        var actions = new Option<bool>("--actions") { Description = "list the Http driver's actions (dersim.http.actions.<name>), the OCPP action per version, each one's placeholders and the template of the loaded configuration (reqnroll.json, DERSIM_CONFIG) that serves it" };
        var markdown = new Option<bool>("--markdown") { Description = "with --actions: print a Markdown table (as in docs/http-driver.md)" };
        var command = new Command("drivers", "List the CSMS drivers; --actions lists the Http driver's actions and their placeholders.")
        {
            actions, markdown,
        };
        command.SetAction(result =>
        {
            if (!result.GetValue(actions) || result.GetValue(markdown))
            {
                Console.Write(!result.GetValue(actions) ? Drivers() : Markdown());
                return 0;
            }

            // A broken configuration still gets the list (its error points here for the placeholders), without the
            // configured lines, and exit code 2.
            try
            {
                Console.Write(Text(DerSimConfig.LoadDefault().Http));
                return 0;
            }
            catch (DerSimConfigException ex)
            {
                Console.Write(Text());
                Console.Error.WriteLine($"dersim drivers: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// The actions as plain text, one block per action; with <paramref name="http"/> (the loaded configuration), each
    /// block also says which template serves the action on each version, or "-" where it is not applicable.
    /// </summary>
    public static string Text(HttpCsmsSettings? http = null)
    {
        var text = new StringBuilder()
            .AppendLine("Http driver actions: dersim.http.actions.<action>, or dersim.http.defaultAction for all (docs/http-driver.md).")
            .AppendLine($"Every action also has {{{CsmsActionCatalogue.BaseUrl}}} when a base URL is set; ${{NAME}} reads an environment variable;")
            .AppendLine($"a placeholder takes a case filter: {{name:{string.Join("|", PlaceholderCase.Names)}}}.")
            .AppendLine("\"sometimes\": only when the scenario's step gives the value, or only on some versions.");
        if (http is not null)
        {
            text.AppendLine("\"configured\": the template of the loaded configuration per version (\"-\": not applicable).");
        }

        foreach (var entry in CsmsActionCatalogue.Entries)
        {
            text.AppendLine()
                .AppendLine(entry.Name)
                .AppendLine($"  OCPP        {string.Join("   ", OcppVersions.All.Select(v => $"{v.DisplayName()}: {entry.OcppActions[v] ?? "-"}"))}")
                .AppendLine($"  always      {Braced(entry.Placeholders)}");
            if (entry.OptionalPlaceholders.Count > 0)
            {
                text.AppendLine($"  sometimes   {Braced(entry.OptionalPlaceholders)}");
            }

            if (http is not null)
            {
                text.AppendLine($"  configured  {string.Join("   ", OcppVersions.All.Select(v => $"{v.DisplayName()}: {Covered(http, entry, v)}"))}");
            }
        }

        return text.ToString();
    }

    /// <summary>The actions as the Markdown table of docs/http-driver.md.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder()
            .AppendLine($"| action | {string.Join(" | ", OcppVersions.All.Select(v => $"OCPP {v.DisplayName()}"))} | placeholders | sometimes (when the step gives them, or on some versions) |")
            .AppendLine($"|---|{string.Concat(OcppVersions.All.Select(_ => "---|"))}---|---|");
        foreach (var entry in CsmsActionCatalogue.Entries)
        {
            text.AppendLine($"| `{entry.Name}` | {string.Join(" | ", OcppVersions.All.Select(v => entry.OcppActions[v] ?? "—"))} | {Braced(entry.Placeholders, "`")} | {Braced(entry.OptionalPlaceholders, "`")} |");
        }

        return text.ToString();
    }

    // Which template serves the action on the version under the loaded configuration, or "-".
    private static string Covered(HttpCsmsSettings http, CsmsActionEntry entry, OcppVersion version) =>
        entry.OcppActions[version] is not null && http.Template(entry.Name, version) is not null
            ? http.Source(entry.Name)["dersim.http.".Length..]
            : "-";

    private static string Drivers() =>
        """
        CSMS drivers (dersim.csmsDriver or DERSIM_CSMS_DRIVER):
          Embedded  the embedded reference CSMS is called directly (the default without --csms)
          Http      templated calls to the CSMS's own API (dersim.http; ./dersim drivers --actions, docs/http-driver.md)
          Manual    prints what the operator must make the CSMS do and waits (dersim.manualTimeoutSeconds)
          Auto      Embedded for the embedded CSMS, else Http when dersim.http has actions or a defaultAction, else Manual

        """;

    private static string Braced(IEnumerable<string> names, string quote = "") => string.Join(" ", names.Select(n => $"{quote}{{{n}}}{quote}"));
}
