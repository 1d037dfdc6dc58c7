namespace DerSim.Harness.Reporting.Allure;

/// <summary>Keeps the results in memory, for tests.</summary>
public sealed class InMemoryAllureSink : IAllureResultsSink
{
    private readonly Lock _gate = new();
    private readonly List<AllureTestResult> _results = [];
    private readonly List<AllureContainer> _containers = [];
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The results written so far, in order.</summary>
    public IReadOnlyList<AllureTestResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    /// <summary>The containers written so far, in order.</summary>
    public IReadOnlyList<AllureContainer> Containers
    {
        get
        {
            lock (_gate)
            {
                return [.. _containers];
            }
        }
    }

    /// <summary>Attachments and run-level files by file name.</summary>
    public IReadOnlyDictionary<string, byte[]> Files
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, byte[]>(_files, StringComparer.Ordinal);
            }
        }
    }

    /// <inheritdoc />
    public void WriteResult(AllureTestResult result)
    {
        lock (_gate)
        {
            _results.Add(result);
        }
    }

    /// <inheritdoc />
    public void WriteContainer(AllureContainer container)
    {
        lock (_gate)
        {
            _containers.Add(container);
        }
    }

    /// <inheritdoc />
    public void WriteAttachment(string source, byte[] content) => WriteFile(source, content);

    /// <inheritdoc />
    public void WriteFile(string fileName, byte[] content)
    {
        lock (_gate)
        {
            _files[fileName] = content;
        }
    }
}
