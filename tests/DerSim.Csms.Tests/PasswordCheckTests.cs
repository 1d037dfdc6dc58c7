using DerSim.Csms;

namespace DerSim.Csms.Tests;

[Parallelizable(ParallelScope.All)]
public sealed class PasswordCheckTests
{
    [TestCase("s3cret", "s3cret", true)]
    [TestCase("s3cret", "s3cre", false)]
    [TestCase("s3cret", "s3cret ", false)]
    [TestCase("s3cret", "", false)]
    [TestCase(null, "", false)]
    public void Matches_only_the_exact_password(string? expected, string given, bool match) =>
        PasswordCheck.Matches(expected, given).ShouldBe(match);
}
