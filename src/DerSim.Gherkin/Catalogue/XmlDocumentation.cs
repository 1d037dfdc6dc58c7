using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace DerSim.Gherkin.Catalogue;

/// <summary>
/// The XML documentation file the compiler writes beside an assembly (GenerateDocumentationFile), read to show each
/// step's doc comment in the catalogue. Missing file: no docs, no error.
/// </summary>
public sealed class XmlDocumentation
{
    private readonly Dictionary<string, XElement> _members;

    private XmlDocumentation(Dictionary<string, XElement> members)
    {
        _members = members;
    }

    /// <summary>Loads the documentation of <paramref name="assembly"/> (its .xml beside the .dll).</summary>
    public static XmlDocumentation For(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (assembly.Location.Length > 0 && File.Exists(path))
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    members[name] = member;
                }
            }
        }

        return new XmlDocumentation(members);
    }

    /// <summary>The summary of <paramref name="method"/> as plain text, whitespace collapsed; null when undocumented.</summary>
    public string? Summary(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return _members.TryGetValue(IdOf(method), out var member) && member.Element("summary") is { } summary ? PlainText(summary) : null;
    }

    /// <summary>The documentation id the compiler gives <paramref name="method"/> ("M:Ns.Type.Method(System.String)").</summary>
    public static string IdOf(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var id = new StringBuilder("M:").Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name);
        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            id.Append('(').AppendJoin(',', parameters.Select(p => TypeName(p.ParameterType))).Append(')');
        }

        return id.ToString();
    }

    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            definition = definition[..definition.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.');
            return $"{definition}{{{string.Join(",", type.GetGenericArguments().Select(TypeName))}}}";
        }

        return (type.FullName ?? type.Name).Replace('+', '.');
    }

    private static string PlainText(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var cref = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? "";
                    text.Append(see.Value.Length > 0 ? see.Value : cref[(cref.LastIndexOf('.') + 1)..]);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement child:
                    text.Append(PlainText(child));
                    break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
