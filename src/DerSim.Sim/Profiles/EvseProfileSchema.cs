using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Generation;

namespace DerSim.Sim.Profiles;

/// <summary>
/// The JSON schema of profile files, generated from the <see cref="EvseProfile"/> records with NJsonSchema so it
/// cannot drift from the model. <c>profiles/evse-profile.schema.json</c> is this text, committed for editors; the
/// loader validates every profile against the same schema.
/// </summary>
public static class EvseProfileSchema
{
    /// <summary>The file name the bundled profiles point at with <c>"$schema"</c>.</summary>
    public const string FileName = "evse-profile.schema.json";

    /// <summary>Draft-07: understood by VS Code, JetBrains and NJsonSchema alike, and has numeric <c>exclusiveMinimum</c>.</summary>
    public const string Draft = "http://json-schema.org/draft-07/schema#";

    private static readonly Lazy<JsonSchema> Cached = new(Build);

    /// <summary>The schema as NJsonSchema's object model, built once.</summary>
    public static JsonSchema Schema => Cached.Value;

    /// <summary>The schema text exactly as committed in <c>profiles/evse-profile.schema.json</c> (LF line ends, final newline).</summary>
    public static string Generate() => Build().ToJson().ReplaceLineEndings("\n") + "\n";

    private static JsonSchema Build()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = EvseProfileJson.Options,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            SchemaType = SchemaType.JsonSchema,
        };
        settings.SchemaProcessors.Add(new Processor());
        var schema = JsonSchema.FromType<EvseProfile>(settings);
        schema.SchemaVersion = Draft;
        schema.Title = "DerSim EVSE profile";
        schema.Description = "A simulated charging station: identity, EVSEs and connectors, power groups, backing battery and metering.";
        return schema;
    }

    /// <summary>Adds what reflection cannot see: enum spellings, required members and the numeric and length rules.</summary>
    private sealed class Processor : ISchemaProcessor
    {
        public void Process(SchemaProcessorContext context)
        {
            var type = context.ContextualType.Type;
            var schema = context.Schema;
            if (type.IsEnum)
            {
                // The strict converters read enums only by their JSON names; NJsonSchema would list integers.
                schema.Type = JsonObjectType.String;
                schema.Description = null;
                schema.Enumeration.Clear();
                schema.EnumerationNames.Clear();
                foreach (var name in EnumJsonNames.All(type))
                {
                    schema.Enumeration.Add(name);
                }

                return;
            }

            if (!type.Namespace!.Equals(typeof(EvseProfile).Namespace, StringComparison.Ordinal) || schema.Properties.Count == 0)
            {
                return;
            }

            // Positional record parameters are what System.Text.Json requires (RespectRequiredConstructorParameters).
            var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
            foreach (var parameter in constructor.GetParameters())
            {
                var jsonName = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
                if (schema.Properties.TryGetValue(jsonName, out var property))
                {
                    property.IsRequired = true;
                }
            }

            foreach (var (name, property) in schema.Properties)
            {
                property.Format = null;
                property.Item?.Format = null;
                EvseProfileSchemaRules.Apply(type, name, property);
            }
        }
    }

}
