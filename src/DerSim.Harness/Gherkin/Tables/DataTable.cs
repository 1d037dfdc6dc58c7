namespace DerSim.Harness.Gherkin;

/// <summary>Reqnroll 2's name for <see cref="Table"/>; step parameters may use either.</summary>
public class DataTable : Table
{
    /// <summary>A table with the column names <paramref name="header"/> and no rows.</summary>
    public DataTable(params string[] header)
        : base(header)
    {
    }
}
