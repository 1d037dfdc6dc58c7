using System.Text.Json;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Tests.Traffic;

public sealed class JsonPathQueryTests
{
    private static readonly JsonElement Body = JsonDocument.Parse("""{"status":"Accepted","data":{"results":[{"ok":true},{"ok":false}]},"odd key":1}""").RootElement;

    [TestCase("$.status", "\"Accepted\"")]
    [TestCase("$.data.results[1].ok", "false")]
    [TestCase("$['odd key']", "1")]
    [TestCase("$", null)]
    public void A_path_selects_one_value(string path, string? raw)
    {
        var value = JsonPathQuery.TryParse(path, out var error).ShouldNotBeNull(error).Select(Body);
        value.ShouldNotBeNull().GetRawText().ShouldBe(raw ?? Body.GetRawText());
    }

    [TestCase("$.missing")]
    [TestCase("$.data.results[5]")]
    [TestCase("$.status.deeper")]
    public void A_path_to_nothing_selects_null(string path) =>
        JsonPathQuery.TryParse(path, out _).ShouldNotBeNull().Select(Body).ShouldBeNull();

    [TestCase("status")]
    [TestCase("$..status")]
    [TestCase("$.results[*]")]
    public void Other_syntax_is_refused_with_the_forms_accepted(string path)
    {
        JsonPathQuery.TryParse(path, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("$.name[0].name");
    }
}
