using DerSim.Harness.Gherkin;
using DerSim.Harness.Gherkin.Conversion;

namespace DerSim.Harness.Tests.Gherkin.Tables;

/// <summary>Tables into objects and objects against tables.</summary>
public sealed class TableExtensionsTests
{
    public enum Phase
    {
        Single,
        ThreePhase,
    }

    public sealed class Station
    {
        public string Name { get; set; } = string.Empty;

        public int MaxPowerKw { get; set; }

        public Phase Phase { get; set; }

        public bool Enabled { get; set; }

        public decimal? Price { get; set; }

        public DateTime Since { get; set; }

        public Guid Id { get; set; }

        public List<int> Connectors { get; set; } = [];
    }

    public sealed record Car(string Model, int BatteryKwh, Phase Phase = Phase.Single);

    private static Table Make(string[] header, params string[][] rows)
    {
        var table = new Table(header);
        foreach (var row in rows)
        {
            table.AddRow(row);
        }

        table.Culture = System.Globalization.CultureInfo.InvariantCulture;
        return table;
    }

    [Test]
    public void Horizontal_single_row_fills_properties_matching_names_loosely()
    {
        var table = Make(["name", "Max Power kW", "phase", "ENABLED", "price", "since", "id", "connectors"],
            ["CS-1", "22", "three phase", "yes", "", "2025-01-02", "6f9619ff-8b86-d011-b42d-00c04fc964ff", "1, 2"]);
        var station = table.CreateInstance<Station>();
        station.Name.ShouldBe("CS-1");
        station.MaxPowerKw.ShouldBe(22);
        station.Phase.ShouldBe(Phase.ThreePhase);
        station.Enabled.ShouldBeTrue();
        station.Price.ShouldBeNull();
        station.Since.ShouldBe(new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Unspecified));
        station.Id.ShouldBe(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
        station.Connectors.ShouldBe([1, 2]);
    }

    [Test]
    public void Vertical_field_value_tables_describe_one_object()
    {
        var table = Make(["Field", "Value"], ["Name", "CS-2"], ["max_power_kw", "11"], ["Enabled", "N"], ["Price", "0.35"]);
        var station = table.CreateInstance<Station>();
        station.Name.ShouldBe("CS-2");
        station.MaxPowerKw.ShouldBe(11);
        station.Enabled.ShouldBeFalse();
        station.Price.ShouldBe(0.35m);
    }

    [Test]
    public void A_factory_supplies_the_instance()
    {
        var table = Make(["Field", "Value"], ["Name", "CS-3"]);
        table.CreateInstance(() => new Station { MaxPowerKw = 50 }).MaxPowerKw.ShouldBe(50);
    }

    [Test]
    public void Constructor_parameters_are_filled_from_columns()
    {
        var car = Make(["Model", "Battery kWh"], ["Zoe", "52"]).CreateInstance<Car>();
        car.ShouldBe(new Car("Zoe", 52));
        var cars = Make(["model", "battery_kwh", "phase"], ["Zoe", "52", "single"], ["Model 3", "75", "ThreePhase"]).CreateSet<Car>().ToList();
        cars.ShouldBe([new Car("Zoe", 52), new Car("Model 3", 75, Phase.ThreePhase)]);
    }

    [Test]
    public void Bad_cells_name_the_column_value_and_type()
    {
        var ex = Should.Throw<StepArgumentConversionException>(() => Make(["Name", "MaxPowerKw"], ["CS", "lots"]).CreateInstance<Station>());
        ex.Message.ShouldContain("\"lots\"");
        ex.Message.ShouldContain("MaxPowerKw");
        ex.Message.ShouldContain("Int32");
    }

    [Test]
    public void CompareToInstance_passes_on_equal_values_and_shows_the_differing_fields()
    {
        var station = new Station { Name = "CS-1", MaxPowerKw = 22, Phase = Phase.ThreePhase, Enabled = true };
        Make(["Field", "Value"], ["Name", "CS-1"], ["Max power kW", "22"], ["Phase", "threephase"], ["Enabled", "true"], ["Price", ""]).CompareToInstance(station);

        var ex = Should.Throw<TableComparisonException>(() =>
            Make(["Field", "Value"], ["Name", "CS-1"], ["Max power kW", "11"]).CompareToInstance(station));
        ex.ShouldBeAssignableTo<AssertionException>();
        ex.Message.ShouldContain("- | Max power kW | 11    |");
        ex.Message.ShouldContain("+ | Max power kW | 22    |");
        ex.Message.ShouldContain("  | Name         | CS-1  |");
    }

    [Test]
    public void Comparing_a_column_without_member_names_it()
    {
        var ex = Should.Throw<TableComparisonException>(() => Make(["Name", "Colour"], ["CS-1", "red"]).CompareToInstance(new Station()));
        ex.Message.ShouldContain("do not exist on Station: Colour");
    }

    [Test]
    public void CompareToSet_ignores_order_by_default()
    {
        var cars = new[] { new Car("Model 3", 75), new Car("Zoe", 52) };
        Make(["Model", "BatteryKwh"], ["Zoe", "52"], ["Model 3", "75"]).CompareToSet(cars);
        Should.Throw<TableComparisonException>(() => Make(["Model", "BatteryKwh"], ["Zoe", "52"], ["Model 3", "75"]).CompareToSet(cars, sequentialEquality: true));
    }

    [Test]
    public void CompareToSet_marks_missing_and_extra_rows()
    {
        var cars = new[] { new Car("Zoe", 52), new Car("Leaf", 40) };
        var ex = Should.Throw<TableComparisonException>(() =>
            Make(["Model", "BatteryKwh"], ["Zoe", "52"], ["Model 3", "75"]).CompareToSet(cars));
        ex.Message.ShouldContain(
            "  | Model   | BatteryKwh |\n" +
            "  | Zoe     | 52         |\n" +
            "- | Model 3 | 75         |\n" +
            "+ | Leaf    | 40         |");
    }

    [Test]
    public void Sequential_comparison_flags_the_differing_cells()
    {
        var cars = new[] { new Car("Zoe", 52), new Car("Leaf", 41) };
        var ex = Should.Throw<TableComparisonException>(() =>
            Make(["Model", "BatteryKwh"], ["Zoe", "52"], ["Leaf", "40"], ["Kona", "64"]).CompareToSet(cars, sequentialEquality: true));
        ex.Message.ShouldContain(
            "- | Leaf  | 40         |\n" +
            "+ | Leaf  | 41         |\n" +
            "?           ^^^^^^^^^^\n" +
            "- | Kona  | 64         |");
    }

    [Test]
    public void Tables_render_as_pipe_tables_and_rows_read_by_name_or_index()
    {
        var table = Make(["a", "bb"], ["1", "2"], ["333", "4"]);
        table.ToString().ShouldBe("| a   | bb |\n| 1   | 2  |\n| 333 | 4  |");
        table.RowCount.ShouldBe(2);
        table.Rows[1]["bb"].ShouldBe("4");
        table.Rows[1][0].ShouldBe("333");
        table.Rows[0].TryGetValue("zz", out _).ShouldBeFalse();
        table.Rows[0].ContainsKey("a").ShouldBeTrue();
        table.Rows[0].Keys.ShouldBe(["a", "bb"]);
        Should.Throw<ArgumentException>(() => table.AddRow("only one")).Message.ShouldContain("2 columns");
        Should.Throw<ArgumentException>(() => _ = table.Rows[0]["zz"]).Message.ShouldContain("no column \"zz\"");
        Table.FromCells([["h"], ["v"]]).ShouldBeOfType<DataTable>().Rows[0]["h"].ShouldBe("v");
    }
}
