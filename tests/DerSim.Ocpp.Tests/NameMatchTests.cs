namespace DerSim.Ocpp.Tests;

public sealed class NameMatchTests
{
    private enum Source
    {
        Second = 5,
        First = 1,
    }

    private enum Target
    {
        First,
        Second,
        Third,
    }

    private enum Narrow
    {
        First,
    }

    [Test]
    public void A_member_maps_to_its_namesake_whatever_the_order_and_values() =>
        Enum.GetValues<Source>().Select(NameMatch.Of<Source, Target>).ShouldBe([Target.First, Target.Second], ignoreOrder: true);

    [Test]
    public void A_pair_where_the_target_lacks_a_name_fails_naming_it() =>
        Should.Throw<InvalidOperationException>(() => NameMatch.Of<Target, Narrow>(Target.First))
            .Message.ShouldContain("no member named Second, Third");

    [Test]
    public void A_value_that_is_no_member_fails() =>
        Should.Throw<ArgumentOutOfRangeException>(() => NameMatch.Of<Source, Target>((Source)3));
}
