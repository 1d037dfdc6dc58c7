using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

public enum SpecColour
{
    Red,
    Green,
}

public enum SpecPhaseRotation
{
    RST,
    RTS,
    SRT,
}

public sealed class SpecTariff
{
    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}

[Binding]
public sealed class TransformationSpecSteps
{
    private static readonly DateTimeOffset ScenarioClock = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private SpecColour _colour;
    private DateTimeOffset _reservation;
    private SpecPhaseRotation _rotation;
    private decimal _limitW;
    private List<SpecTariff> _tariffs = [];
    private decimal _price;

    [StepArgumentTransformation("(red|green)", Name = "colour")]
    public static SpecColour Colour(string text) => Enum.Parse<SpecColour>(text, ignoreCase: true);

    [StepArgumentTransformation(@"in (\d+) days")]
    public static DateTimeOffset InDays(int days) => ScenarioClock.AddDays(days);

    [StepArgumentTransformation]
    public static IEnumerable<SpecTariff> Tariffs(DataTable table) => table.CreateSet<SpecTariff>();

    [Given("the connector colour is {colour}")]
    public void SetColour(SpecColour colour) => _colour = colour;

    [Then("the connector colour is {word}")]
    public void CheckColour(string expected) => _colour.ToString().ShouldBe(expected);

    [Given(@"^a reservation (in \d+ days)$")]
    public void Reserve(DateTimeOffset at) => _reservation = at;

    [Then("the reservation is {int} days after the scenario clock")]
    public void ReservationIs(int days) => (_reservation - ScenarioClock).ShouldBe(TimeSpan.FromDays(days));

    [Given("the phase rotation is {string}")]
    public void Rotation(SpecPhaseRotation rotation) => _rotation = rotation;

    [Given("a limit of {decimal} kW")]
    public void Limit(decimal kw) => _limitW = kw * 1000;

    [Then("the rotation is {word} and the limit is {int} W")]
    public void RotationAndLimit(SpecPhaseRotation rotation, int watts)
    {
        _rotation.ShouldBe(rotation);
        _limitW.ShouldBe(watts);
    }

    [Given("the tariffs:")]
    public void SetTariffs(IEnumerable<SpecTariff> tariffs) => _tariffs = [.. tariffs];

    [Then("the cheapest tariff is {string}")]
    public void Cheapest(string name) => _tariffs.MinBy(t => t.Price)!.Name.ShouldBe(name);

    [Given("a price of {decimal} EUR per kWh")]
    public void Price(decimal euros) => _price = euros;

    [Then("the price is {int} cents")]
    public void PriceIs(int cents) => (_price * 100).ShouldBe(cents);
}
