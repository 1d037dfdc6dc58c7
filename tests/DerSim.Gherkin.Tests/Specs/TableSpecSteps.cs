using System.Text.Json;
using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

public sealed class SpecEv
{
    public string Name { get; set; } = "";

    public int BatteryKwh { get; set; }

    public decimal MaxKw { get; set; }

    public bool Bidirectional { get; set; }
}

[Binding]
public sealed class TableSpecSteps
{
    private List<SpecEv> _evs = [];
    private SpecEv? _ev;
    private string _payload = "";

    [Given("these EVs:")]
    public void TheseEvs(DataTable table) => _evs = [.. table.CreateSet<SpecEv>()];

    [Then("there are {int} EVs and the truck takes {int} kW")]
    public void Count(int count, int truckKw)
    {
        _evs.Count.ShouldBe(count);
        _evs.Single(e => e.Name == "truck").MaxKw.ShouldBe(truckKw);
        _evs.Single(e => e.Name == "sedan").MaxKw.ShouldBe(150.5m);
    }

    [Then("the EVs are:")]
    public void TheEvsAre(DataTable table) => table.CompareToSet(_evs);

    [Given("this EV:")]
    public void ThisEv(DataTable table) => _ev = table.CreateInstance<SpecEv>();

    [Then("the EV is:")]
    public void TheEvIs(DataTable table) => table.CompareToInstance(_ev!);

    [Given("this payload:")]
    public void Payload(string json) => _payload = json;

    [Then("the payload field {string} is {string}")]
    public void Field(string name, string value)
    {
        using var document = JsonDocument.Parse(_payload);
        document.RootElement.GetProperty(name).GetString().ShouldBe(value);
    }
}
