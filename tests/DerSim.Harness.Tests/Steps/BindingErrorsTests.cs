using System.Reflection;
using System.Reflection.Emit;
using DerSim.Gherkin.Glue;
using Reqnroll;

namespace DerSim.Harness.Tests.Steps;

/// <summary>
/// A binding library that declares a parameter type DerSim's steps already declare gets one error naming both
/// declarations, instead of Reqnroll's "An item with the same key has already been added" on every step.
/// </summary>
public sealed class BindingErrorsTests
{
    [Test]
    public void A_parameter_type_declared_twice_is_one_error_naming_both_declarations()
    {
        var library = LibraryDeclaring("ocppVersion");

        var dryRun = DryRun.Of(typeof(DerSim.Harness.Steps.StationSteps).Assembly, more: [library]);
        var errors = BindingErrors.Of(dryRun.Registry);

        // What Reqnroll itself says, on every step of the run.
        dryRun.Registry.GetErrorMessages().Select(e => e.Message).ShouldContain(m => m.Contains("same key has already been added. Key: ocppVersion", StringComparison.Ordinal));
        var error = errors.ShouldHaveSingleItem();
        error.ShouldContain("parameter type {ocppVersion} is declared more than once");
        error.ShouldContain("DerSim.Harness.Steps.StationSteps.Version");
        error.ShouldContain("UserSteps.Version");
        error.ShouldNotContain("same key");
    }

    [Test]
    public void DerSims_own_steps_have_no_binding_errors() =>
        BindingErrors.Of(DryRun.Of(typeof(DerSim.Harness.Steps.StationSteps).Assembly).Registry).ShouldBeEmpty();

    /// <summary>A one-class binding library, as a user would write it, declaring the parameter type <paramref name="name"/>.</summary>
    private static Assembly LibraryDeclaring(string name)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"User.Steps.{Guid.NewGuid():N}"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("User.Steps").DefineType("UserSteps", TypeAttributes.Public | TypeAttributes.Sealed);
        type.SetCustomAttribute(new CustomAttributeBuilder(typeof(BindingAttribute).GetConstructor(Type.EmptyTypes)!, []));
        var method = type.DefineMethod("Version", MethodAttributes.Public | MethodAttributes.Static, typeof(string), [typeof(string)]);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ret);
        var transformation = typeof(StepArgumentTransformationAttribute);
        method.SetCustomAttribute(new CustomAttributeBuilder(
            transformation.GetConstructor([typeof(string), typeof(int)])!,
            ["(v\\d+)", 0],
            [transformation.GetProperty(nameof(StepArgumentTransformationAttribute.Name))!],
            [name]));
        return type.CreateType().Assembly;
    }
}
