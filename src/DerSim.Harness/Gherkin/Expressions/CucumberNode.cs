namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>A node of a parsed Cucumber expression; <see cref="Column"/> is 1-based, for error messages.</summary>
internal abstract record CucumberNode(int Column);

/// <summary>Literal text (escapes already resolved).</summary>
internal sealed record CucumberTextNode(string Text, int Column) : CucumberNode(Column);

/// <summary>A run of whitespace: the boundary of alternations.</summary>
internal sealed record CucumberWhitespaceNode(string Text, int Column) : CucumberNode(Column);

/// <summary><c>(text)</c>: text that may be absent.</summary>
internal sealed record CucumberOptionalNode(IReadOnlyList<CucumberNode> Items, int Column) : CucumberNode(Column);

/// <summary><c>{name}</c>: a parameter of a registered type.</summary>
internal sealed record CucumberParameterNode(string Name, int Column) : CucumberNode(Column);

/// <summary>An unescaped <c>/</c> before alternations are grouped.</summary>
internal sealed record CucumberSeparatorNode(int Column) : CucumberNode(Column);

/// <summary><c>a/b/c</c>: one of several texts, bounded by whitespace.</summary>
internal sealed record CucumberAlternationNode(IReadOnlyList<IReadOnlyList<CucumberNode>> Alternatives, int Column) : CucumberNode(Column);
