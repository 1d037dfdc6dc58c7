using DerSim.Harness.Steps;

namespace DerSim.Harness.Tests.Traffic;

/// <summary>The file names a scenario's traffic is saved under.</summary>
public sealed class TrafficFileNameTests
{
    [Test]
    public void A_short_name_keeps_its_letters_and_digits_and_the_rest_becomes_one_underscore()
    {
        TrafficHooks.FileNameOf("Boot / A cold boot (version: 2.0.1)").ShouldBe("Boot_A_cold_boot_version_2.0.1");
    }

    [Test]
    public void Two_long_names_that_differ_only_past_the_cut_get_different_files_of_at_most_150_characters()
    {
        var title = "E Transactions - how the CSMS follows a transaction from its start point to its stop point / " + new string('x', 80);
        var v201 = TrafficHooks.FileNameOf(title + " (version: 2.0.1)");
        var v21 = TrafficHooks.FileNameOf(title + " (version: 2.1)");

        v201.ShouldNotBe(v21);
        v201.Length.ShouldBe(TrafficHooks.MaxFileName);
        v21.Length.ShouldBe(TrafficHooks.MaxFileName);
        TrafficHooks.FileNameOf(title + " (version: 2.1)").ShouldBe(v21, "the same scenario always gets the same file");
    }
}
