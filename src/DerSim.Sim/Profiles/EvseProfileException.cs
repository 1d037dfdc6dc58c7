namespace DerSim.Sim.Profiles;

/// <summary>
/// A profile could not be loaded. The message names the file, the 1-based line and column
/// (when known), the JSON path and what was expected.
/// </summary>
public sealed class EvseProfileException : Exception
{
    /// <summary>Creates the exception; prefer <see cref="EvseProfileLoader"/> which fills in the location.</summary>
    public EvseProfileException(string message, string filePath, TextPosition? position, string? jsonPath, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        Position = position;
        JsonPath = jsonPath;
    }

    /// <inheritdoc />
    public EvseProfileException()
        : this("The EVSE profile could not be loaded.", string.Empty, null, null)
    {
    }

    /// <inheritdoc />
    public EvseProfileException(string message)
        : this(message, string.Empty, null, null)
    {
    }

    /// <inheritdoc />
    public EvseProfileException(string message, Exception innerException)
        : this(message, string.Empty, null, null, innerException)
    {
    }

    /// <summary>The file that failed to load (full path), or the name that was asked for when no file was found.</summary>
    public string FilePath { get; }

    /// <summary>Position of the (first) problem in the file, when known.</summary>
    public TextPosition? Position { get; }

    /// <summary>JSON path of the (first) problem, when known.</summary>
    public string? JsonPath { get; }
}
