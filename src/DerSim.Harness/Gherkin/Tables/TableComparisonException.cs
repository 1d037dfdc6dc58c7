namespace DerSim.Harness.Gherkin;

/// <summary>
/// A table that does not match the objects it was compared with: an assertion failure whose message shows the table
/// with <c>-</c> (expected by the table, not found), <c>+</c> (found, not in the table) and <c>?</c> (the differing
/// cells) markers.
/// </summary>
public sealed class TableComparisonException : global::NUnit.Framework.AssertionException
{
    /// <summary>Creates the failure with its readable diff.</summary>
    public TableComparisonException(string message)
        : base(message)
    {
    }
}
