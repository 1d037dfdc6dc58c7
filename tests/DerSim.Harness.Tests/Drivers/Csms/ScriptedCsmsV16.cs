using System.Collections.Concurrent;
using System.Text.Json;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// How a <see cref="ScriptedCsms"/> answers a station that speaks OCPP 1.6J: idTagInfo (the token's status from
/// <see cref="ScriptedCsmsScript.Tokens"/>, its group as parentIdTag; 1.6 has no Unknown, so an unknown token is Invalid),
/// a transaction id of its own for each StartTransaction, and the script's wrong answers where it says so.
/// </summary>
/// <param name="script">What it answers.</param>
/// <param name="newTransaction">A new transaction number of the CSMS's, known from then on to its HTTP API (TxProfiles, remote stops name it).</param>
internal sealed class ScriptedCsmsV16(ScriptedCsmsScript script, Func<int> newTransaction)
{
    private readonly ConcurrentDictionary<string, int> _boots = new(StringComparer.Ordinal);

    /// <summary>The CALLRESULT payload for <paramref name="action"/> of <paramref name="station"/>; <paramref name="now"/> is the CSMS's clock.</summary>
    public string Answer(string station, string action, JsonElement payload, string now)
    {
        var token = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("idTag", out var idTag) ? idTag.GetString() : null;
        return action switch
        {
            "BootNotification" => $$"""{"status":"{{BootStatus(station)}}","currentTime":"{{now}}","interval":{{script.BootInterval}}}""",
            "Heartbeat" => $$"""{"currentTime":"{{now}}"}""",
            "Authorize" => $$"""{"idTagInfo":{{TagInfo(action, token)}}}""",
            "StartTransaction" => $$"""{"idTagInfo":{{TagInfo(action, token)}},"transactionId":{{newTransaction()}}}""",
            "StopTransaction" when token is not null => $$"""{"idTagInfo":{{TagInfo(action, token)}}}""",
            "DataTransfer" => $$"""{"status":"{{script.DataTransferStatus}}"}""",
            _ => "{}",
        };
    }

    // RebootStatus: a CSMS that does not register a station booting again (1.6 boots carry no reason: the second one counts).
    private string BootStatus(string station) =>
        _boots.AddOrUpdate(station, 1, (_, n) => n + 1) > 1 && script.RebootStatus is { } again ? again : "Accepted";

    private string TagInfo(string action, string? token)
    {
        var (status, group) = token is null ? ("Invalid", null)
            : script.Tokens is null ? ("Accepted", null)
            : script.Tokens.TryGetValue(token, out var known) ? known : ("Invalid", null);
        if (script.WrongStatusFor is { } wrong && wrong.IdToken == token)
        {
            status = wrong.Status;
        }

        status = status == "Unknown" ? "Invalid" : status;
        return group is null || script.NoGroupIn == action
            ? $$"""{"status":"{{status}}"}"""
            : $$"""{"status":"{{status}}","parentIdTag":"{{group}}"}""";
    }
}
