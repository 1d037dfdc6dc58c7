using System.Text;

namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>
/// Parses the Cucumber expression grammar: text, whitespace, <c>{parameter}</c>, <c>(optional)</c>, <c>a/b</c>
/// alternations bounded by whitespace, and backslash escapes of <c>\ { } ( ) /</c> and whitespace.
/// </summary>
internal sealed class CucumberExpressionParser
{
    private readonly string _source;
    private int _pos;

    private CucumberExpressionParser(string source)
    {
        _source = source;
    }

    /// <summary>The expression's nodes, alternations grouped.</summary>
    public static IReadOnlyList<CucumberNode> Parse(string source)
    {
        var parser = new CucumberExpressionParser(source);
        var flat = parser.ParseSequence(insideOptional: false, openColumn: 0);
        return parser.GroupAlternations(flat);
    }

    private StepExpressionException Error(int column, string problem) => new(_source, column, problem);

    private List<CucumberNode> ParseSequence(bool insideOptional, int openColumn)
    {
        var nodes = new List<CucumberNode>();
        var text = new StringBuilder();
        var textColumn = 0;

        void FlushText()
        {
            if (text.Length > 0)
            {
                nodes.Add(new CucumberTextNode(text.ToString(), textColumn));
                text.Clear();
            }
        }

        void AppendText(char c, int column)
        {
            if (text.Length == 0)
            {
                textColumn = column;
            }

            text.Append(c);
        }

        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            var column = _pos + 1;
            switch (c)
            {
                case '\\':
                    AppendText(ReadEscape(), column);
                    break;
                case '{':
                    FlushText();
                    var parameter = ParseParameter();
                    if (insideOptional)
                    {
                        throw Error(column, $"an optional may not contain a parameter type ({{{parameter.Name}}}); to match a literal '{{' write '\\{{'");
                    }

                    nodes.Add(parameter);
                    break;
                case '(':
                    if (insideOptional)
                    {
                        throw Error(column, "an optional may not contain another optional; to match a literal '(' write '\\('");
                    }

                    FlushText();
                    _pos++;
                    var items = ParseSequence(insideOptional: true, openColumn: column);
                    if (items.Count == 0)
                    {
                        throw Error(column, "an optional may not be empty; to match literal '()' write '\\(\\)'");
                    }

                    nodes.Add(new CucumberOptionalNode(items, column));
                    break;
                case ')' when insideOptional:
                    FlushText();
                    _pos++;
                    return nodes;
                case '/' when !insideOptional:
                    FlushText();
                    nodes.Add(new CucumberSeparatorNode(column));
                    _pos++;
                    break;
                default:
                    if (char.IsWhiteSpace(c) && !insideOptional)
                    {
                        FlushText();
                        var start = _pos;
                        while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos]))
                        {
                            _pos++;
                        }

                        nodes.Add(new CucumberWhitespaceNode(_source[start.._pos], column));
                        break;
                    }

                    // A lone ')' or '}' has nothing to close: the grammar reads it as text.
                    AppendText(c, column);
                    _pos++;
                    break;
            }
        }

        if (insideOptional)
        {
            throw Error(openColumn, "the '(' does not have a matching ')'; to match a literal '(' write '\\('");
        }

        FlushText();
        return nodes;
    }

    private char ReadEscape()
    {
        var column = _pos + 1;
        if (_pos + 1 >= _source.Length)
        {
            throw Error(column, "the end of the expression cannot be escaped; to match a literal '\\' write '\\\\'");
        }

        var escaped = _source[_pos + 1];
        if (escaped is not ('\\' or '{' or '}' or '(' or ')' or '/') && !char.IsWhiteSpace(escaped))
        {
            throw Error(column, $"'{escaped}' cannot be escaped; only \\, {{, }}, (, ), / and whitespace can");
        }

        _pos += 2;
        return escaped;
    }

    private CucumberParameterNode ParseParameter()
    {
        var column = _pos + 1;
        _pos++;
        var name = new StringBuilder();
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (c == '}')
            {
                _pos++;
                return new CucumberParameterNode(name.ToString(), column);
            }

            if (c is '{' or '(' or ')' or '/' or '\\' || char.IsWhiteSpace(c))
            {
                if (_source.IndexOf('}', _pos) < 0)
                {
                    break;
                }

                throw Error(_pos + 1, $"a parameter type name may not contain '{c}' (in the parameter opened at column {column})");
            }

            name.Append(c);
            _pos++;
        }

        throw Error(column, "the '{' does not have a matching '}'; to match a literal '{' write '\\{'");
    }

    private List<CucumberNode> GroupAlternations(List<CucumberNode> flat)
    {
        var result = new List<CucumberNode>();
        var run = new List<CucumberNode>();

        void FlushRun()
        {
            if (run.Count == 0)
            {
                return;
            }

            if (run.Exists(n => n is CucumberSeparatorNode))
            {
                result.Add(BuildAlternation(run));
            }
            else
            {
                result.AddRange(run);
            }

            run.Clear();
        }

        foreach (var node in flat)
        {
            if (node is CucumberWhitespaceNode)
            {
                FlushRun();
                result.Add(node);
            }
            else
            {
                run.Add(node);
            }
        }

        FlushRun();
        return result;
    }

    private CucumberAlternationNode BuildAlternation(List<CucumberNode> run)
    {
        var alternatives = new List<IReadOnlyList<CucumberNode>>();
        var current = new List<CucumberNode>();
        var startColumn = run[0].Column;
        var currentColumn = startColumn;

        void Close(int column)
        {
            if (current.Count == 0)
            {
                throw Error(column, "an alternative may not be empty; to match a literal '/' write '\\/'");
            }

            var parameter = current.OfType<CucumberParameterNode>().FirstOrDefault();
            if (parameter is not null)
            {
                throw Error(parameter.Column, $"an alternative may not contain a parameter type ({{{parameter.Name}}})");
            }

            if (current.TrueForAll(n => n is CucumberOptionalNode))
            {
                throw Error(current[0].Column, "an alternative may not consist only of optionals");
            }

            alternatives.Add(current.ToArray());
            current = [];
        }

        foreach (var node in run)
        {
            if (node is CucumberSeparatorNode separator)
            {
                // An empty alternative before a '/' is reported at the '/', one after the last '/' at the end of it.
                Close(current.Count == 0 ? separator.Column : currentColumn);
                currentColumn = separator.Column + 1;
            }
            else
            {
                current.Add(node);
            }
        }

        Close(currentColumn);
        return new CucumberAlternationNode(alternatives, startColumn);
    }
}
