using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>The outcome of matching one step.</summary>
/// <param name="Kind">Matched, undefined, ambiguous or a parameter count mismatch.</param>
/// <param name="Binding">The definition when matched.</param>
/// <param name="Arguments">The captured arguments when matched (the table or doc string is not among them).</param>
/// <param name="Candidates">The competing definitions when ambiguous or mismatched.</param>
/// <param name="Snippet">A ready-to-paste step definition when undefined.</param>
/// <param name="Message">What went wrong, naming the bindings; empty when matched.</param>
public sealed record StepMatchResult(
    StepMatchKind Kind,
    StepDefinitionBinding? Binding,
    IReadOnlyList<StepArgument> Arguments,
    IReadOnlyList<StepDefinitionBinding> Candidates,
    string? Snippet,
    string Message);
