using System.Globalization;
using System.Text;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DerSim.Sim.Profiles;

/// <summary>Validates profile text against <see cref="EvseProfileSchema"/> and words each violation like the rules do.</summary>
internal static class EvseProfileSchemaCheck
{
    /// <summary>
    /// Whether a profile that the strict reader took and <see cref="EvseProfileValidator"/> passed may still break
    /// the schema: true only when it breaks one of the few schema rules neither of them checks. Everything else the
    /// schema says is enforced by the reader (types, required and unknown properties, enum names, nulls) or, as
    /// strictly or more, by the rules (EvseProfileSchemaTests.Every_schema_rule_is_checked_by_the_reader_the_rules_or_here
    /// keeps that list honest). Building the schema costs ~190 ms of CPU at start-up even ahead-of-time compiled
    /// (NJsonSchema reflects over the records), so the loader asks this first and builds it only for a profile that
    /// is wrong, to word the error as before.
    /// </summary>
    public static bool MayBreakSchema(EvseProfile profile) =>
        profile.Identity.SerialNumber is { Length: 0 }
        || profile.Identity.FirmwareVersion is { Length: 0 }
        || profile.AllConnectors.Any(c => c.EnergyTransferModes.Distinct().Count() != c.EnergyTransferModes.Count);

    public static IReadOnlyList<EvseProfileError> Validate(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new List<EvseProfileError>();
        foreach (var error in EvseProfileSchema.Schema.Validate(Encoding.UTF8.GetString(utf8Json)))
        {
            Collect(error, errors);
        }

        return errors;
    }

    private static void Collect(ValidationError error, List<EvseProfileError> errors)
    {
        // oneOf (a nullable object) and multi-type nodes wrap the real reason; report that instead of "not one of".
        var nested = error switch
        {
            ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e).ToList(),
            MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e).ToList(),
            _ => [],
        };
        var meaningful = nested.Where(e => e.Kind is not (ValidationErrorKind.NullExpected or ValidationErrorKind.ObjectExpected)).ToList();
        if (meaningful.Count > 0)
        {
            meaningful.ForEach(e => Collect(e, errors));
            return;
        }

        errors.Add(new EvseProfileError(ToJsonPath(error.Path), Describe(error)));
    }

    /// <summary>NJsonSchema writes <c>#/evses[0].maxKw</c>; the loader speaks <c>$.evses[0].maxKw</c>.</summary>
    internal static string ToJsonPath(string? path) =>
        path is null or "#" or "#/" ? "$" : "$." + path.TrimStart('#', '/');

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        var found = error.Token is { } token ? token.ToString(Newtonsoft.Json.Formatting.None) : "nothing";
        var text = error.Kind switch
        {
            ValidationErrorKind.NumberTooSmall when schema.ExclusiveMinimum is { } min => $"expected a number > {N(min)}, found {found}",
            ValidationErrorKind.NumberTooSmall => $"expected a number ≥ {N(schema.Minimum)}, found {found}",
            ValidationErrorKind.NumberTooBig when schema.ExclusiveMaximum is { } max => $"expected a number < {N(max)}, found {found}",
            ValidationErrorKind.NumberTooBig => $"expected a number ≤ {N(schema.Maximum)}, found {found}",
            ValidationErrorKind.StringTooShort => $"expected at least {schema.MinLength} characters, found {found}",
            ValidationErrorKind.StringTooLong => $"expected at most {schema.MaxLength} characters, found {found}",
            ValidationErrorKind.TooFewItems => $"expected at least {schema.MinItems} items",
            ValidationErrorKind.TooManyItems => $"expected at most {schema.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "expected each item once",
            ValidationErrorKind.NotInEnumeration => $"expected one of: {string.Join(", ", schema.Enumeration.Select(e => e?.ToString() ?? "null"))}, found {found}",
            ValidationErrorKind.PropertyRequired => $"missing required property '{error.Property}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property '{error.Property}'",
            _ => $"breaks the schema rule {error.Kind}, found {found}",
        };
        return text + " (" + EvseProfileSchema.FileName + ")";
    }

    private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
