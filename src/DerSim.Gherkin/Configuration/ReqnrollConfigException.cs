namespace DerSim.Gherkin.Configuration;

/// <summary>reqnroll.json is not valid JSON or a value has the wrong type; the message starts with "path:line:col:" or names the JSON path.</summary>
public sealed class ReqnrollConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReqnrollConfigException(string message, string filePath, int line, int column, Exception? inner = null)
        : base(message, inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception without a position.</summary>
    public ReqnrollConfigException()
        : this("Invalid reqnroll.json.", string.Empty, 0, 0)
    {
    }

    /// <summary>Creates the exception without a position.</summary>
    public ReqnrollConfigException(string message)
        : this(message, string.Empty, 0, 0)
    {
    }

    /// <summary>Creates the exception without a position.</summary>
    public ReqnrollConfigException(string message, Exception inner)
        : this(message, string.Empty, 0, 0, inner)
    {
    }

    /// <summary>The configuration file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the problem, 0 when only the JSON path is known.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem, 0 when only the JSON path is known.</summary>
    public int Column { get; }
}
