using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Conversion;

namespace DerSim.Harness.Tests.Gherkin.Conversion;

/// <summary>Argument conversion in Reqnroll's order.</summary>
public sealed class StepArgumentConverterTests
{
    public enum Connector
    {
        Available,
        Charging,
        SuspendedEv,
    }

    public sealed record Money(decimal Amount, string Currency);

    public sealed record Person(string Name, int Age);

    private static readonly CultureInfo Comma = CreateCommaCulture();

    private static CultureInfo CreateCommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }

    private static ArgumentTransformation Transformation(string method, string? regex = null, string? name = null) =>
        new(typeof(Transformations).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!, regex, name);

    private static StepArgumentConverter Converter(params ArgumentTransformation[] transformations) =>
        new(transformations, static (m, a) => m.Invoke(null, a));

    [Test]
    public void Numbers_use_the_binding_culture()
    {
        var converter = StepArgumentConverter.Plain;
        converter.Convert("3,5", typeof(double), Comma).ShouldBe(3.5);
        converter.Convert("3.5", typeof(double), CultureInfo.InvariantCulture).ShouldBe(3.5);
        converter.Convert("19,99", typeof(decimal), Comma).ShouldBe(19.99m);
        converter.Convert("42", typeof(int), Comma).ShouldBe(42);
        converter.Convert("-7", typeof(long), CultureInfo.InvariantCulture).ShouldBe(-7L);
    }

    [Test]
    public void Assignable_values_pass_through()
    {
        StepArgumentConverter.Plain.Convert("text", typeof(string), CultureInfo.InvariantCulture).ShouldBe("text");
        StepArgumentConverter.Plain.Convert("text", typeof(object), CultureInfo.InvariantCulture).ShouldBe("text");
        var table = new DataTable("a");
        StepArgumentConverter.Plain.Convert(table, typeof(Table), CultureInfo.InvariantCulture).ShouldBeSameAs(table);
    }

    [Test]
    public void A_plain_table_becomes_a_DataTable_when_asked()
    {
        var table = new Table("a", "b");
        table.AddRow("1", "2");
        var converted = StepArgumentConverter.Plain.Convert(table, typeof(DataTable), CultureInfo.InvariantCulture).ShouldBeOfType<DataTable>();
        converted.Rows[0]["b"].ShouldBe("2");
    }

    [TestCase("Charging", Connector.Charging)]
    [TestCase("charging", Connector.Charging)]
    [TestCase("SUSPENDEDEV", Connector.SuspendedEv)]
    [TestCase("suspended ev", Connector.SuspendedEv)]
    [TestCase(" Available ", Connector.Available)]
    public void Enums_ignore_case_and_spaces(string text, Connector expected)
    {
        StepArgumentConverter.Plain.Convert(text, typeof(Connector), CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Test]
    public void Unknown_enum_members_name_the_value_the_type_and_the_members()
    {
        var ex = Should.Throw<StepArgumentConversionException>(() => StepArgumentConverter.Plain.Convert("Faulted", typeof(Connector), CultureInfo.InvariantCulture));
        ex.Message.ShouldContain("\"Faulted\"");
        ex.Message.ShouldContain("Connector");
        ex.Message.ShouldContain("Available, Charging, SuspendedEv");
        Should.Throw<StepArgumentConversionException>(() => StepArgumentConverter.Plain.Convert("7", typeof(Connector), CultureInfo.InvariantCulture));
    }

    [Test]
    public void Type_converters_handle_Guid_DateTime_TimeSpan_and_Uri()
    {
        var converter = StepArgumentConverter.Plain;
        var culture = CultureInfo.InvariantCulture;
        converter.Convert("6f9619ff-8b86-d011-b42d-00c04fc964ff", typeof(Guid), culture).ShouldBe(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
        converter.Convert("2025-03-01 10:30", typeof(DateTime), culture).ShouldBe(new DateTime(2025, 3, 1, 10, 30, 0, DateTimeKind.Unspecified));
        converter.Convert("00:15:00", typeof(TimeSpan), culture).ShouldBe(TimeSpan.FromMinutes(15));
        converter.Convert("ws://127.0.0.1:9000/ocpp", typeof(Uri), culture).ShouldBe(new Uri("ws://127.0.0.1:9000/ocpp"));
    }

    [Test]
    public void Nullable_targets_take_values_empty_text_and_null()
    {
        var culture = CultureInfo.InvariantCulture;
        StepArgumentConverter.Plain.Convert("12", typeof(int?), culture).ShouldBe(12);
        StepArgumentConverter.Plain.Convert(string.Empty, typeof(int?), culture).ShouldBeNull();
        StepArgumentConverter.Plain.Convert(null, typeof(int?), culture).ShouldBeNull();
        StepArgumentConverter.Plain.Convert("charging", typeof(Connector?), culture).ShouldBe(Connector.Charging);
    }

    [Test]
    public void Failures_name_the_value_and_the_target_type()
    {
        var ex = Should.Throw<StepArgumentConversionException>(() => StepArgumentConverter.Plain.Convert("many", typeof(int), CultureInfo.InvariantCulture));
        ex.Message.ShouldStartWith("cannot convert \"many\" to Int32");
        ex.Value.ShouldBe("many");
        ex.TargetType.ShouldBe(typeof(int));
        Should.Throw<StepArgumentConversionException>(() => StepArgumentConverter.Plain.Convert(null, typeof(int), CultureInfo.InvariantCulture))
            .Message.ShouldContain("to Int32");
        Should.Throw<StepArgumentConversionException>(() => StepArgumentConverter.Plain.Convert("300", typeof(byte), CultureInfo.InvariantCulture))
            .Message.ShouldContain("to Byte");
    }

    [Test]
    public void A_regex_transformation_comes_first_and_its_groups_feed_the_method()
    {
        var converter = Converter(Transformation(nameof(Transformations.ToMoney), @"(\d+(?:\.\d+)?) (EUR|USD)"));
        converter.Convert("12.50 EUR", typeof(Money), CultureInfo.InvariantCulture).ShouldBe(new Money(12.50m, "EUR"));
        Should.Throw<StepArgumentConversionException>(() => converter.Convert("twelve", typeof(Money), CultureInfo.InvariantCulture));
    }

    [Test]
    public void A_transformation_without_regex_takes_any_text_and_wins_over_the_built_in_conversion()
    {
        var converter = Converter(Transformation(nameof(Transformations.InDays)));
        converter.Convert("3", typeof(TimeSpan), CultureInfo.InvariantCulture).ShouldBe(TimeSpan.FromDays(3));
        StepArgumentConverter.Plain.Convert("3", typeof(TimeSpan), CultureInfo.InvariantCulture).ShouldBe(TimeSpan.FromDays(3));
        StepArgumentConverter.Plain.Convert("00:03", typeof(TimeSpan), CultureInfo.InvariantCulture).ShouldBe(TimeSpan.FromMinutes(3));

        // The transformation takes over the type: its int parameter rejects what TimeSpan's own converter would read.
        Should.Throw<StepArgumentConversionException>(() => converter.Convert("00:03", typeof(TimeSpan), CultureInfo.InvariantCulture))
            .Message.ShouldContain("to Int32");
    }

    [Test]
    public void A_named_transformation_is_chosen_for_its_cucumber_parameter()
    {
        var converter = Converter(
            Transformation(nameof(Transformations.InDays)),
            Transformation(nameof(Transformations.InMinutes), name: "minutes"));
        converter.Convert("5", typeof(TimeSpan), CultureInfo.InvariantCulture, "minutes").ShouldBe(TimeSpan.FromMinutes(5));
        converter.Convert("5", typeof(TimeSpan), CultureInfo.InvariantCulture, "int").ShouldBe(TimeSpan.FromDays(5));
        converter.HasTransformation("5", typeof(TimeSpan), "minutes").ShouldBeTrue();
        converter.HasTransformation("5", typeof(Money)).ShouldBeFalse();
    }

    [Test]
    public void Table_transformations_produce_objects_and_sets()
    {
        var converter = Converter(Transformation(nameof(Transformations.People)), Transformation(nameof(Transformations.FirstPerson)));
        var table = new Table("Name", "Age");
        table.AddRow("Ann", "30");
        table.AddRow("Bob", "41");
        converter.Convert(table, typeof(IEnumerable<Person>), CultureInfo.InvariantCulture).ShouldBe(new[] { new Person("Ann", 30), new Person("Bob", 41) });
        converter.Convert(table, typeof(Person), CultureInfo.InvariantCulture).ShouldBe(new Person("Ann", 30));
    }

    [Test]
    public void A_failing_transformation_names_itself()
    {
        var converter = Converter(Transformation(nameof(Transformations.Broken), name: "broken"));
        var ex = Should.Throw<StepArgumentConversionException>(() => converter.Convert("x", typeof(Uri), CultureInfo.InvariantCulture, "broken"));
        ex.Message.ShouldContain("Transformations.Broken");
        ex.Message.ShouldContain("no uri today");
    }

    [Test]
    public void Transformation_parameters_are_converted_too()
    {
        var converter = Converter(Transformation(nameof(Transformations.Hours), @"(\d+) h"));
        converter.Convert("4 h", typeof(TimeSpan), CultureInfo.InvariantCulture).ShouldBe(TimeSpan.FromHours(4));
    }

    public static class Transformations
    {
        public static Money ToMoney(decimal amount, string currency) => new(amount, currency);

        public static TimeSpan InDays(int days) => TimeSpan.FromDays(days);

        public static TimeSpan InMinutes(int minutes) => TimeSpan.FromMinutes(minutes);

        public static TimeSpan Hours(int hours) => TimeSpan.FromHours(hours);

        public static Uri Broken(string text) => throw new InvalidOperationException("no uri today: " + text);

        public static IEnumerable<Person> People(Table table) => table.Rows.Select(r => new Person(r["Name"], int.Parse(r["Age"], CultureInfo.InvariantCulture))).ToList();

        public static Person FirstPerson(Table table) => new(table.Rows[0]["Name"], int.Parse(table.Rows[0]["Age"], CultureInfo.InvariantCulture));
    }
}
