using Reqnroll;
using Reqnroll.Assist;

namespace DerSim.Gherkin.Tests.Specs;

/// <summary>Counts the instances a scenario created and disposed (one inner run at a time uses it).</summary>
public sealed class SpecTracker : IDisposable
{
    private static int _created;
    private static int _disposed;

    public SpecTracker()
    {
        Interlocked.Increment(ref _created);
    }

    public static int Created => Volatile.Read(ref _created);

    public static int Disposed => Volatile.Read(ref _disposed);

    public int Uses { get; set; }

    public static void Reset()
    {
        Volatile.Write(ref _created, 0);
        Volatile.Write(ref _disposed, 0);
    }

    public void Dispose() => Interlocked.Increment(ref _disposed);
}

/// <summary>Steps only the inner features of outcomes.feature use.</summary>
[Binding]
public sealed class InnerOnlySpecSteps(SpecTracker tracker, SpecTrackerUser other)
{
    [Given("a step that is pending")]
    public void PendingStep() => throw new PendingStepException();

    [Then("a step fails with {string}")]
    public void Fails(string message) => throw new ShouldAssertException(message);

    [Given("a step throws {string}")]
    public void Throws(string message) => throw new InvalidOperationException(message);

    [Given("the tracker is used twice")]
    public void UseTracker()
    {
        tracker.Uses++;
        other.Use();
        tracker.Uses.ShouldBe(2, "both binding classes got the same tracker");
    }
}

/// <summary>A second class depending on the tracker: the scenario's container gives both the same instance.</summary>
public sealed class SpecTrackerUser(SpecTracker tracker)
{
    public void Use() => tracker.Uses++;
}

[Binding]
public sealed class AmbiguousSpecSteps
{
    [When("a step matches two definitions")]
    public void First()
    {
    }

    [When("a step matches {word} definitions")]
    public void Second(string count) => count.ShouldNotBeEmpty();
}
