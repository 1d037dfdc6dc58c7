using System.Text.Json;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Tests.Traffic;

public sealed class FrameFieldsTests
{
    [TestCase("""{"v":-20000.0}""", "-20000", true, TestName = "a number matches by value, whatever its written form")]
    [TestCase("""{"v":-20000}""", "-20000.0", true)]
    [TestCase("""{"v":1.5e3}""", "1500", true)]
    [TestCase("""{"v":-19999.9}""", "-20000", false)]
    [TestCase("""{"v":"60"}""", "60", true, TestName = "a string matches its text")]
    [TestCase("""{"v":"60.0"}""", "60", false, TestName = "a string is never read as a number")]
    [TestCase("""{"v":"Accepted"}""", "Accepted", true)]
    [TestCase("""{"v":true}""", "true", true)]
    [TestCase("""{"v":3}""", "three", false)]
    public void A_field_matches_what_a_step_wrote(string json, string expected, bool matches)
    {
        using var document = JsonDocument.Parse(json);

        FrameFields.Matches(document.RootElement.GetProperty("v"), expected).ShouldBe(matches);
    }
}
