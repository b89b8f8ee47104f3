using IntakeBot.Dialogs.Questions;
using System.Collections;
using System.Reflection;
using IntakeBot.Dialogs.Conversation;
using IntakeBot.Dialogs.Records;
using IntakeBot.Dialogs.Understanding;

namespace IntakeBot.Dialogs.Tests.Conversation;

/// <summary>
/// The core copies the saved state instead of changing it, so a host may retry a turn, run it
/// again with a model's findings, or keep the state in a cache shared by concurrent turns.
/// </summary>
public class StateCloneTests
{
    // Immutable, so sharing them between the saved state and its copy is safe.
    private static readonly HashSet<Type> Immutable = [typeof(string), typeof(TranscriptEntry), typeof(AskBack), typeof(CaseContact), typeof(CaseLink), typeof(DeskCoordinator)];

    [Fact]
    public void A_clone_has_every_property_of_the_state()
    {
        var state = (IntakeState)Filled(typeof(IntakeState));

        var clone = state.Clone();

        Assert.Equal(IntakeStateSerializer.Serialize(state), IntakeStateSerializer.Serialize(clone));
    }

    [Fact]
    public void A_clone_shares_nothing_mutable_with_the_state()
    {
        var state = (IntakeState)Filled(typeof(IntakeState));

        var clone = state.Clone();

        AssertSharesNothingMutable(state, clone, nameof(IntakeState));
    }

    [Fact]
    public void Changing_a_clone_leaves_the_state_as_it_was()
    {
        var state = (IntakeState)Filled(typeof(IntakeState));
        var before = IntakeStateSerializer.Serialize(state);

        var clone = state.Clone();
        clone.Record.Needs.Add(Need.Housing);
        clone.History.Add(IntakeStep.Details);
        clone.Answered.Add(IntakeStep.Contact);
        clone.TicketsRequested.Add(TicketKind.Handoff);
        clone.Transcript.Add(new TranscriptEntry(true, "追加", ConversationDriver.Now));
        clone.PendingStory!.Steps.Add(IntakeStep.Stage);
        clone.PendingStory.Record.Disabilities.Add(Disability.Physical);

        Assert.Equal(before, IntakeStateSerializer.Serialize(state));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Handling_a_turn_never_changes_the_saved_state(string name, string[] script)
    {
        var chat = new ConversationDriver();
        foreach (var text in script)
        {
            var saved = chat.State;
            var before = IntakeStateSerializer.Serialize(saved);

            chat.Send(text);

            Assert.True(before == IntakeStateSerializer.Serialize(saved), $"{name}: 「{text}」 changed the saved state");
        }
    }

    public static TheoryData<string, string[]> Scripts() => new()
    {
        { nameof(IntakeScripts.FamilyWithButtons), IntakeScripts.FamilyWithButtons },
        { nameof(IntakeScripts.LawyerInFreeText), IntakeScripts.LawyerInFreeText },
        { nameof(IntakeScripts.SupporterWithButtons), IntakeScripts.SupporterWithButtons },
    };

    /// <summary>An instance with every property set to something other than its default, all the way down.</summary>
    private static object Filled(Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(instance, Value(property.PropertyType));
        }

        return instance;
    }

    private static object Value(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "値";
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(int))
        {
            return 7;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return ConversationDriver.Now;
        }

        // An immutable record: a clone may share it.
        if (underlying == typeof(DeskCoordinator))
        {
            return new DeskCoordinator(7, "佐藤", ConversationDriver.Now);
        }

        if (underlying == typeof(DateOnly))
        {
            return new DateOnly(2026, 12, 3);
        }

        if (underlying.IsEnum)
        {
            return Enum.GetValues(underlying).GetValue(1)!;
        }

        if (underlying == typeof(TranscriptEntry))
        {
            return new TranscriptEntry(true, "発言", ConversationDriver.Now);
        }

        // An immutable record: a clone may share it.
        if (underlying == typeof(CaseContact))
        {
            return new CaseContact(ContactWay.Phone, Phone: "090-1234-5678");
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(HashSet<>)))
        {
            var collection = Activator.CreateInstance(underlying)!;
            underlying.GetMethod("Add")!.Invoke(collection, [Value(underlying.GetGenericArguments()[0])]);
            return collection;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = Activator.CreateInstance(underlying)!;
            var arguments = underlying.GetGenericArguments();
            underlying.GetMethod("Add")!.Invoke(dictionary, [Value(arguments[0]), Value(arguments[1])]);
            return dictionary;
        }

        if (underlying == typeof(CaseLink))
        {
            // An immutable record: a clone may share it.
            return new CaseLink(PendingReference: "KN-2026-000123", WrongKeys: 1);
        }

        if (underlying == typeof(AskBack))
        {
            // An immutable record: sharing it between a state and its clone is safe.
            return AskBack.Confirm("住む家は、まだ決まっていない、ということですね？", "ない");
        }

        if (underlying == typeof(IntakeRecord) || underlying == typeof(StoryFacts))
        {
            return Filled(underlying);
        }

        throw new InvalidOperationException($"{type} is new in the state: teach Clone (and this test) how to copy it.");
    }

    private static void AssertSharesNothingMutable(object original, object clone, string path)
    {
        Assert.False(ReferenceEquals(original, clone), $"{path} is shared");
        foreach (var property in original.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var a = property.GetValue(original);
            var b = property.GetValue(clone);
            if (a is null || property.PropertyType.IsValueType || Immutable.Contains(property.PropertyType))
            {
                continue;
            }

            if (a is IEnumerable)
            {
                Assert.False(ReferenceEquals(a, b), $"{path}.{property.Name} is shared");
                continue;
            }

            AssertSharesNothingMutable(a, b!, $"{path}.{property.Name}");
        }
    }
}
