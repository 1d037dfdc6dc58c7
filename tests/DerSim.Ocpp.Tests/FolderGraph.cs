using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace DerSim.Ocpp.Tests;

/// <summary>
/// Which folders of one built assembly use which others, read from its metadata and IL: a type's folder is its
/// namespace (DerSim's folders and namespaces match), and a type uses every type of the same assembly that appears in
/// its base types, interfaces, attributes, field, method and local signatures, and the members its code calls,
/// reads or creates (compiler-generated closures and state machines count for the type they were written in).
/// Constants are inlined by the compiler and leave no trace; everything else a folder uses does.
/// </summary>
internal sealed class FolderGraph
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];

    private FolderGraph()
    {
    }

    /// <summary>The folder dependencies: (from, to) with the "Type → Type" uses that make each.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Edges => _edges;

    /// <summary>Reads the graph of <paramref name="assembly"/>'s namespaces under <paramref name="root"/>.</summary>
    public static FolderGraph Of(Assembly assembly, string root)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var graph = new FolderGraph();
        var names = reader.TypeDefinitions.ToDictionary(h => h, h => TopLevel(reader, h));
        var byFullName = names.Values.Distinct().ToDictionary(t => t.FullName, t => t);
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = names[handle];
            if (!InRoot(from.Namespace, root))
            {
                continue;
            }

            var used = new HashSet<TypeDefinitionHandle>();
            var attributeTypes = new HashSet<string>(StringComparer.Ordinal);
            new Collector(reader, pe, used, attributeTypes).Type(handle);
            foreach (var to in used.Select(u => names[u]).Concat(attributeTypes.Where(byFullName.ContainsKey).Select(n => byFullName[n])))
            {
                if (to.Namespace != from.Namespace && InRoot(to.Namespace, root))
                {
                    var key = (from.Namespace, to.Namespace);
                    if (!graph._edges.TryGetValue(key, out var uses))
                    {
                        graph._edges[key] = uses = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    uses.Add($"{from.Name} → {to.Name}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The cycles: each set of folders that reach each other (a strongly connected component of two or more), with the
    /// uses that make its edges, one line per edge.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var nodes = _edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var next = nodes.ToDictionary(n => n, n => _edges.Keys.Where(e => e.From == n).Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var components = new List<List<string>>();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var to in next[node])
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (onStack.Contains(to) && index.TryGetValue(to, out var reached))
                {
                    low[node] = Math.Min(low[node], reached);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    components.Add(component);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components.Select(c =>
        {
            var members = c.ToHashSet(StringComparer.Ordinal);
            var lines = _edges.Where(e => members.Contains(e.Key.From) && members.Contains(e.Key.To))
                .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => $"  {e.Key.From} → {e.Key.To}: {string.Join(", ", e.Value.Take(4))}{(e.Value.Count > 4 ? $" (+{e.Value.Count - 4})" : "")}");
            return $"{string.Join(" ↔ ", c.Order(StringComparer.Ordinal))}\n{string.Join("\n", lines)}";
        }).ToList();
    }

    private static bool InRoot(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static TypeName TopLevel(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return new TypeName(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    private sealed record TypeName(string Namespace, string Name)
    {
        public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
    }

    /// <summary>Collects the type definitions one type definition (and its nested types) uses.</summary>
    private sealed class Collector(MetadataReader reader, PEReader pe, HashSet<TypeDefinitionHandle> used, HashSet<string> attributeTypes)
        : ISignatureTypeProvider<int, object?>, ICustomAttributeTypeProvider<int>
    {
        public void Type(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            Entity(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations())
            {
                Entity(reader.GetInterfaceImplementation(i).Interface);
            }

            Attributes(type.GetCustomAttributes());
            GenericParameters(type.GetGenericParameters());
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                field.DecodeSignature(this, null);
                Attributes(field.GetCustomAttributes());
            }

            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                property.DecodeSignature(this, null);
                Attributes(property.GetCustomAttributes());
            }

            foreach (var m in type.GetMethods())
            {
                Method(reader.GetMethodDefinition(m));
            }

            foreach (var nested in type.GetNestedTypes())
            {
                Type(nested);
            }
        }

        private void Method(MethodDefinition method)
        {
            method.DecodeSignature(this, null);
            Attributes(method.GetCustomAttributes());
            GenericParameters(method.GetGenericParameters());
            foreach (var p in method.GetParameters())
            {
                Attributes(reader.GetParameter(p).GetCustomAttributes());
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }

            foreach (var region in body.ExceptionRegions.Where(r => !r.CatchType.IsNil))
            {
                Entity(region.CatchType);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                var code = (short)il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                switch (Operands[code])
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        il.Offset += 1;
                        break;
                    case OperandType.InlineVar:
                        il.Offset += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        il.Offset += 8;
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    default:
                        il.Offset += 4;
                        break;
                }
            }
        }

        private void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    used.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    used.Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    used.Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var p in parameters)
            {
                foreach (var c in reader.GetGenericParameter(p).GetConstraints())
                {
                    Entity(reader.GetGenericParameterConstraint(c).Type);
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
            {
                var attribute = reader.GetCustomAttribute(a);
                Entity(attribute.Constructor);
                try
                {
                    attribute.DecodeValue(this);
                }
                catch (BadImageFormatException)
                {
                    // An argument of an enum type from another assembly cannot be sized without loading it; such an
                    // argument names no type of this assembly anyway.
                }
            }
        }

        public int GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            used.Add(handle);
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader r, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public int GetTypeFromSerializedName(string name)
        {
            // typeof(…) in an attribute: "Namespace.Type" or "Namespace.Outer+Nested", maybe assembly-qualified.
            var plain = name.Split(',')[0];
            attributeTypes.Add(plain.Split('+')[0]);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSystemType() => 0;

        public bool IsSystemType(int type) => false;

        public PrimitiveTypeCode GetUnderlyingEnumType(int type) => PrimitiveTypeCode.Int32;

        public int GetSZArrayType(int elementType) => 0;

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;
    }
}
