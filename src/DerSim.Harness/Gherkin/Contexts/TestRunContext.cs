namespace DerSim.Harness.Gherkin;

/// <summary>Values shared by every scenario of the test run; injectable into bindings and hooks.</summary>
public sealed class TestRunContext : KeyedContext
{
    /// <summary>Creates the context for a run whose bindings live in <paramref name="testDirectory"/>.</summary>
    public TestRunContext(string testDirectory)
    {
        TestDirectory = testDirectory;
    }

    /// <summary>The directory of the binding assembly (where feature files and configuration are looked up).</summary>
    public string TestDirectory { get; }
}
