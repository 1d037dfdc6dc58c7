using DerSim.Harness.Gherkin;

namespace DerSim.Harness.Tests.Gherkin.Runtime;

/// <summary>A dependency injected into the step classes: one per scenario, disposed after it.</summary>
public sealed class RtDriver : IDisposable
{
    private static int _next;

    public int Id { get; } = Interlocked.Increment(ref _next);

    public int Charge { get; set; }

    /// <summary>Makes <see cref="Dispose"/> throw, as a teardown that goes wrong.</summary>
    public bool BreakOnDispose { get; set; }

    public void Dispose()
    {
        Calls.Add($"dispose driver {Id}");
        if (BreakOnDispose)
        {
            throw new InvalidOperationException($"rt driver {Id} broke while disposing");
        }
    }
}

[Binding]
[Scope(Tag = "rt")]
public sealed class RtSteps
{
    private readonly RtDriver _driver;
    private readonly ScenarioContext _scenario;

    public RtSteps(RtDriver driver, ScenarioContext scenario)
    {
        _driver = driver;
        _scenario = scenario;
    }

    [Given("rt the EV has {int} kWh")]
    public void GivenCharge(int kwh)
    {
        Calls.Add($"step given {kwh} driver {_driver.Id}");
        _driver.Charge = kwh;
    }

    [When(@"rt the EV charges (\d+) kWh more")]
    public async Task WhenCharges(int more)
    {
        await Task.Yield();
        Calls.Add($"step when {more} driver {_driver.Id}");
        _driver.Charge += more;
    }

    [Then("rt the EV has {int} kWh in total")]
    public ValueTask ThenTotal(int total)
    {
        Calls.Add($"step then driver {_driver.Id}");
        _driver.Charge.ShouldBe(total);
        return ValueTask.CompletedTask;
    }

    [Given("rt the driver breaks when disposed")]
    public void BreaksOnDispose() => _driver.BreakOnDispose = true;

    [Then("rt it breaks")]
    public static void Breaks() => throw new InvalidOperationException("rt boom");

    [Then("rt it is pending")]
    public void Pending() => _scenario.Pending();

    [Then("rt it does not apply")]
    public void DoesNotApply() => _scenario.NotApplicable("rt only for 2.1");

    [Then("rt the NUnit assertion fails")]
    // Thrown, not Assert.That: NUnit would record the failure in the enclosing test too.
    public static void NUnitFails() => throw new AssertionException("rt expected 2 but was 1");

    [Given("rt a table")]
    public void GivenTable(DataTable table)
    {
        Calls.Add($"table {table.RowCount} {table.Rows[0]["name"]}");
        _scenario.AddAttachment("table.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(table.ToString()));
        _scenario.AddParameter("rows", table.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Given("rt a doc string")]
    public void GivenDoc(string doc) => Calls.Add($"doc {doc}");

    [Given]
    public void Given_rt_the_station_P0_has_P1_connectors(string station, int count) => Calls.Add($"derived {station} {count}");

    [Given("rt the same step")]
    public void Same1() => Calls.Add("same 1");

    [Given("rt the same step")]
    public void Same2() => Calls.Add("same 2");

    [Given("rt a scoped step")]
    public void Unscoped() => Calls.Add("class-scoped");

    [Given("rt a scoped step")]
    [Scope(Tag = "rt", Feature = "rt feature")]
    public void Scoped() => Calls.Add("method-scoped");

    [When("rt the step context is read")]
    public void StepContextRead() => Calls.Add($"step context {_scenario.StepContext!.StepInfo.Text}");
}

[Binding]
[Scope(Tag = "rt")]
public sealed class RtHooks
{
    private readonly RtDriver _driver;

    public RtHooks(RtDriver driver) => _driver = driver;

    [BeforeTestRun]
    public static void BeforeRun(TestRunContext run) => Calls.Add($"before run {run.TestDirectory.Length > 0}");

    [AfterTestRun]
    public static void AfterRun() => Calls.Add("after run");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => Calls.Add($"before feature {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => Calls.Add($"after feature {feature.FeatureInfo.Title}");

    [BeforeScenario(Order = 20)]
    public void BeforeScenarioLate() => Calls.Add("before scenario 20");

    [BeforeScenario(Order = 10)]
    public void BeforeScenarioEarly(ScenarioContext scenario) => Calls.Add($"before scenario 10 {scenario.ScenarioInfo.Title} driver {_driver.Id}");

    [BeforeScenario("rt-other")]
    public void OtherTag() => Calls.Add("other tag");

    [AfterScenario]
    public void AfterScenario(ScenarioContext scenario) => Calls.Add($"after scenario {scenario.ScenarioExecutionStatus}");

    [BeforeStep]
    public void BeforeStep(ScenarioStepContext step) => Calls.Add($"before step {step.StepInfo.Text}");

    [AfterStep]
    public void AfterStep(ScenarioStepContext step) => Calls.Add($"after step {step.Status}");
}
