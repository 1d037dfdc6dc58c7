using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace DerSim.Gherkin.NUnit;

/// <summary>
/// <c>[assembly: GherkinTestRun]</c>: once every test of the assembly has run, ends the Gherkin run so the pending
/// AfterFeature and AfterTestRun hooks run (a failure there shows as an error of the assembly's teardown).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class GherkinTestRunAttribute : Attribute, ITestAction
{
    /// <inheritdoc />
    public ActionTargets Targets => ActionTargets.Suite;

    /// <inheritdoc />
    public void BeforeTest(ITest test)
    {
    }

    /// <inheritdoc />
    public void AfterTest(ITest test)
    {
        // Only the assembly suite ends the run; NUnit may also offer nested suites to a Suite-targeted action.
        if (test is TestAssembly)
        {
            GherkinNUnit.EndRunAsync().GetAwaiter().GetResult();
        }
    }
}
