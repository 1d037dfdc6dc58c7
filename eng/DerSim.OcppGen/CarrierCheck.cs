namespace DerSim.OcppGen;

/// <summary>
/// Proves that one version's CLR types can carry another version's messages (2.1 carrying 2.0.1): every action
/// exists in the carrier, every payload valid in the carried version reads into the carrier's type without loss, and
/// what the carrier requires and the carried version may leave out is relaxed in the carrier's record (optional, with
/// <c>[SchemaRequired]</c> so the carrier's own schema still requires it). Exactness on the wire is the validator's job (it
/// checks each version's own schema); this check is what makes sharing the types safe.
/// </summary>
internal static class CarrierCheck
{
    /// <summary>Checks, and returns the carrier with the requirements the carried version lacks made schema-only.</summary>
    public static VersionModel Carry(VersionModel carried, VersionModel carrier)
    {
        var problems = new List<string>();
        var relaxed = new HashSet<(string Type, string Prop)>();
        var own = carried.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var theirs = carrier.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var carrierActions = carrier.Actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var action in carried.Actions)
        {
            if (!carrierActions.TryGetValue(action.Name, out var other))
            {
                problems.Add($"{action.Name}: no such action in {carrier.Version.Display}");
                continue;
            }

            Compare(action.RequestType, own[action.RequestType], theirs[other.RequestType], own, theirs, problems, relaxed, 0);
            if (action.ResponseType is not null)
            {
                Compare(action.ResponseType, own[action.ResponseType], theirs[other.ResponseType!], own, theirs, problems, relaxed, 0);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"OCPP {carrier.Version.Display} types cannot carry OCPP {carried.Version.Display}: " + string.Join("; ", problems.Distinct().Take(20)));
        }

        var types = carrier.Types.Select(t => t is ObjectDef o && o.Props.Any(p => relaxed.Contains((o.Name, p.JsonName)))
            ? o with { Props = o.Props.Select(p => relaxed.Contains((o.Name, p.JsonName)) ? p with { Required = false, RequiredInSchemaOnly = true } : p).ToList() }
            : t).ToList();
        return carrier with { Types = types };
    }

    private static void Compare(string path, TypeDef mine, TypeDef carrier, Dictionary<string, TypeDef> own, Dictionary<string, TypeDef> theirs, List<string> problems, HashSet<(string Type, string Prop)> relaxed, int depth)
    {
        if (depth > 32)
        {
            problems.Add($"{path}: nested too deep");
            return;
        }

        switch (mine, carrier)
        {
            case (ObjectDef a, ObjectDef b):
                var carrierProps = b.Props.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
                foreach (var p in a.Props)
                {
                    if (!carrierProps.TryGetValue(p.JsonName, out var q))
                    {
                        if (b.Closed)
                        {
                            problems.Add($"{path}.{p.JsonName}: missing in the carrier");
                        }

                        continue;
                    }

                    if (q.Required && !p.Required)
                    {
                        relaxed.Add((b.Name, q.JsonName));
                    }

                    CompareRef($"{path}.{p.JsonName}", p.Type, q.Type, own, theirs, problems, relaxed, depth + 1);
                }

                foreach (var q in b.Props.Where(q => q.Required && a.Props.All(p => p.JsonName != q.JsonName)))
                {
                    relaxed.Add((b.Name, q.JsonName));
                }

                break;
            case (EnumDef a, EnumDef b):
                foreach (var value in a.Values.Where(v => !b.Values.Contains(v)))
                {
                    problems.Add($"{path}: value '{value}' missing in the carrier's {b.Name}");
                }

                break;
            default:
                problems.Add($"{path}: {mine.GetType().Name} carried by {carrier.GetType().Name}");
                break;
        }
    }

    private static void CompareRef(string path, TypeRef mine, TypeRef carrier, Dictionary<string, TypeDef> own, Dictionary<string, TypeDef> theirs, List<string> problems, HashSet<(string Type, string Prop)> relaxed, int depth)
    {
        switch (mine.Kind, carrier.Kind)
        {
            case (ValueKind.Object, ValueKind.Object) or (ValueKind.Enum, ValueKind.Enum):
                Compare(path, own[mine.Name!], theirs[carrier.Name!], own, theirs, problems, relaxed, depth);
                break;
            case (ValueKind.Array, ValueKind.Array):
                CompareRef(path + "[]", mine.Item!, carrier.Item!, own, theirs, problems, relaxed, depth + 1);
                break;
            case (ValueKind.Integer, ValueKind.Number) or (ValueKind.Enum, ValueKind.String):
                break; // widened in the carrier: every value of ours reads
            case var (a, b) when a == b:
                break;
            default:
                problems.Add($"{path}: {mine.Kind} carried by {carrier.Kind}");
                break;
        }
    }
}
