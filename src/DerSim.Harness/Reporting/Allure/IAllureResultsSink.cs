namespace DerSim.Harness.Reporting.Allure;

/// <summary>Where Allure results go: a results directory, or memory in tests. Implementations are thread-safe.</summary>
public interface IAllureResultsSink
{
    /// <summary>Stores <c>&lt;uuid&gt;-result.json</c>.</summary>
    void WriteResult(AllureTestResult result);

    /// <summary>Stores <c>&lt;uuid&gt;-container.json</c>.</summary>
    void WriteContainer(AllureContainer container);

    /// <summary>Stores an attachment under its source name (<c>&lt;uuid&gt;-attachment.&lt;ext&gt;</c>).</summary>
    void WriteAttachment(string source, byte[] content);

    /// <summary>Stores a run-level file (environment.properties, executor.json, categories.json).</summary>
    void WriteFile(string fileName, byte[] content);
}
