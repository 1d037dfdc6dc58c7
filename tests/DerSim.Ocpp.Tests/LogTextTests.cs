using DerSim.Ocpp;

namespace DerSim.Ocpp.Tests;

/// <summary>A value from outside cannot add lines to, or drive the terminal from, a one-line log (issue 13, item 6).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LogTextTests
{
    [TestCase("DERSIM-1", "DERSIM-1")]
    [TestCase("", "")]
    [TestCase(null, "")]
    [TestCase("EVIL\n12:00:00.000 CSMS accepted", "EVIL\\n12:00:00.000 CSMS accepted")]
    [TestCase("a\r\nb\tc", "a\\r\\nb\\tc")]
    [TestCase("\u001b[31mred\u001b[0m", "\\u001B[31mred\\u001B[0m")]
    [TestCase("nul\0del\u007fc1\u0085", "nul\\u0000del\\u007Fc1\\u0085")]
    [TestCase("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [TestCase("[2,\"1\",\"Heartbeat\",{\"a\":\"\\n\"}]", "[2,\"1\",\"Heartbeat\",{\"a\":\"\\n\"}]")]
    [TestCase("ä ü 🚗 €", "ä ü 🚗 €")]
    public void Control_characters_become_visible_escapes(string? text, string expected) => LogText.Escape(text).ShouldBe(expected);

    [Test]
    public void No_control_character_survives()
    {
        var every = new string([.. Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => !char.IsSurrogate(c))]);

        var escaped = LogText.Escape(every);

        escaped.Where(c => char.IsControl(c) || c == '\u2028' || c == '\u2029').ShouldBeEmpty();
    }

    [Test]
    public void Clean_text_is_returned_as_is()
    {
        var text = "13:05:01.123 DERSIM-1 -> [2,\"a\",\"Heartbeat\",{}]";

        LogText.Escape(text).ShouldBeSameAs(text);
    }
}
