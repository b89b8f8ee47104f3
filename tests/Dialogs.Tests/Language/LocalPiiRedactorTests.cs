using IntakeBot.Dialogs.Language;

namespace IntakeBot.Dialogs.Tests.Language;

public sealed class LocalPiiRedactorTests
{
    private static readonly LocalPiiRedactor Redactor = new();

    /// <summary>Input, and the text that may leave the machine.</summary>
    public static TheoryData<string, string> PersonalInformation => new()
    {
        // Names before honorifics and titles.
        { "山田太郎さんは72歳です", "[PERSON_1]さんは72歳です" },
        { "山田 花子様へ", "[PERSON_1]様へ" },
        { "鈴木先生に相談しました", "[PERSON_1]先生に相談しました" },
        { "担当は山田弁護士です", "担当は[PERSON_1]弁護士です" },
        { "被告人山田太郎さんの弁護人です", "被告人[PERSON_1]さんの弁護人です" },
        { "田中ゆきさんと話しました", "[PERSON_1]さんと話しました" },
        { "父の山田太郎様方に住む予定です", "父の[PERSON_1]様方に住む予定です" },
        { "ヤマダタロウさんの件で", "[PERSON_1]さんの件で" },
        { "グエン・ヴァン・アンさんは技能実習生でした", "[PERSON_1]さんは技能実習生でした" },
        { "山田さんと山田さんの奥さん", "[PERSON_1]さんと[PERSON_1]さんの奥さん" },
        { "佐藤さんと鈴木さん", "[PERSON_1]さんと[PERSON_2]さん" },
        // Names after labels and before self-introductions.
        { "名前は佐藤一郎です", "名前は[PERSON_1]です" },
        { "氏名：田中", "氏名：[PERSON_1]" },
        { "本人の名前はヤマダタロウです", "本人の名前は[PERSON_1]です" },
        { "フリガナ：ヤマダ タロウ", "フリガナ：[PERSON_1]" },
        { "名前はやまだはなこです", "名前は[PERSON_1]です" },
        { "私は山本と申します", "私は[PERSON_1]と申します" },
        { "横浜保護観察所の鈴木と申します", "横浜保護観察所の[PERSON_1]と申します" },
        { "弁護士の鈴木です。次回公判は12月3日です", "弁護士の[PERSON_1]です。次回公判は12月3日です" },
        { "刑務所で佐藤と名乗る人に会った", "刑務所で[PERSON_1]と名乗る人に会った" },
        { "姉の美和子さんと妹尾さん", "姉の[PERSON_1]さんと[PERSON_2]さん" },
        { "Maria Santosさんの件です", "[PERSON_1]さんの件です" },
        { "容疑者山田太郎さんについて", "容疑者[PERSON_1]さんについて" },
        { "千代田区丸の内1-1-1", "[ADDRESS_1]" },
        // Phone numbers in every way people type them.
        { "電話は090-1234-5678です", "電話は[PHONE_NUMBER_1]です" },
        { "０９０－１２３４－５６７８", "[PHONE_NUMBER_1]" },
        { "０３ー１２３４ー５６７８に", "[PHONE_NUMBER_1]に" },
        { "09012345678", "[PHONE_NUMBER_1]" },
        { "045-123-4567までお願いします", "[PHONE_NUMBER_1]までお願いします" },
        { "03(1234)5678", "[PHONE_NUMBER_1]" },
        { "0120-123-456", "[PHONE_NUMBER_1]" },
        { "+81 90-1234-5678", "[PHONE_NUMBER_1]" },
        { "＋８１（０）３－１２３４－５６７８", "[PHONE_NUMBER_1]" },
        // E-mail.
        { "yamada.taro@example.co.jp に送ってください", "[EMAIL_1] に送ってください" },
        { "ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[EMAIL_1]" },
        // 郵便番号.
        { "〒231-0021", "〒[POSTAL_CODE_1]" },
        { "郵便番号は2310021です", "郵便番号は[POSTAL_CODE_1]です" },
        { "231-0021 神奈川県横浜市中区日本大通1-2-3", "[POSTAL_CODE_1] [ADDRESS_1]" },
        // Street-level addresses.
        { "住所は神奈川県横浜市中区山下町1-2-3です", "住所は[ADDRESS_1]です" },
        { "東京都新宿区西新宿二丁目8番1号", "[ADDRESS_1]" },
        { "横浜市港北区新横浜2丁目3-4 サンハイツ201号室に住んでいます", "[ADDRESS_1]に住んでいます" },
        { "川崎市川崎区砂子1丁目です", "[ADDRESS_1]です" },
        { "横浜市西区みなとみらい2-2-1", "[ADDRESS_1]" },
        { "住所：山下町12番地", "住所：[ADDRESS_1]" },
        // Birth dates.
        { "昭和33年5月1日生まれです", "[DATE_OF_BIRTH_1]生まれです" },
        { "昭和三十三年五月一日生まれ", "[DATE_OF_BIRTH_1]生まれ" },
        { "生年月日 1958/5/1", "生年月日 [DATE_OF_BIRTH_1]" },
        { "誕生日は平成元年1月8日です", "誕生日は[DATE_OF_BIRTH_1]です" },
        { "S33.5.1生", "[DATE_OF_BIRTH_1]生" },
        // マイナンバー.
        { "マイナンバーは123456789012です", "マイナンバーは[MY_NUMBER_1]です" },
        { "1234 5678 9012", "[MY_NUMBER_1]" },
        // Inmate and case numbers.
        { "称呼番号123", "称呼番号[CASE_NUMBER_1]" },
        { "事件番号 令和8年(わ)第123号", "事件番号 [CASE_NUMBER_1]" },
        { "令和7年（あ）第45号事件の控訴審", "[CASE_NUMBER_1]事件の控訴審" },
        { "留置番号5番でした", "留置番号[CASE_NUMBER_1]でした" },
        // A whole first message.
        {
            "72歳の父、山田太郎さん（昭和28年5月1日生まれ）が来月10日に横浜刑務所を出ます。連絡先は090-1234-5678です。",
            "72歳の父、[PERSON_1]さん（[DATE_OF_BIRTH_1]生まれ）が来月10日に横浜刑務所を出ます。連絡先は[PHONE_NUMBER_1]です。"
        },
    };

    /// <summary>Text the intake needs, or that only looks like personal information.</summary>
    public static TheoryData<string> NotPersonalInformation => new()
    {
        "横浜市に帰る予定です",
        "帰住予定地は神奈川県です",
        "神奈川県",
        "横浜市中区に住んでいました",
        "次は12月3日の公判です",
        "2026年12月3日に出所予定",
        "令和8年12月3日午前10時の公判",
        "72歳の父が来月10日に刑務所を出るのですが、帰る家がなくて困っています。",
        "保護観察所の担当の方と話しました",
        "被告人は横浜拘置支所にいます",
        "療育手帳は持っていません",
        "昭和33年生まれです",
        "刑期は3年6月です",
        "110番と119番、#7119",
        "お母さんと看護師さんと皆様",
        "奥さんと息子さんが心配しています",
        "ケースワーカーさんとヘルパーさんが来ます",
        "お疲れさまです。ご本人様にお伝えください",
        "弁護士さんと国選弁護士さん",
        "会社のみなさん、ありがとう",
        "同様に、父の様子を見てください",
        "施設の名前は若葉園です",
        "名前は言いたくないです",
        "名前はわかりません",
        "担当の保護司さんは良い人です",
        "検事さんと主任さんと職人さん",
        "元カノさん",
        "CWさんとMSWさんに伝えました",
        "保護観察所の者です",
        "父の件です",
        "町田市の2-3日後に面会します",
        "住まいは施設で3-4年になります",
    };

    [Theory]
    [MemberData(nameof(PersonalInformation))]
    public void Personal_information_is_replaced_by_a_typed_placeholder(string input, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(input).Text);
    }

    [Theory]
    [MemberData(nameof(NotPersonalInformation))]
    public void Intake_facts_and_common_words_are_left_as_they_are(string input)
    {
        var result = Redactor.Redact(input);

        Assert.Equal(input, result.Text);
        Assert.False(result.HasPii);
    }

    [Theory]
    [MemberData(nameof(PersonalInformation))]
    public void Restoring_the_redacted_text_gives_back_the_original_exactly(string input, string expected)
    {
        var result = Redactor.Redact(input);

        Assert.Equal(expected, result.Text);
        Assert.Equal(input, result.Restore(result.Text));
    }

    [Theory]
    [MemberData(nameof(PersonalInformation))]
    public void Redacting_redacted_text_again_changes_nothing(string input, string expected)
    {
        var again = Redactor.Redact(Redactor.Redact(input).Text);

        Assert.Equal(expected, again.Text);
        Assert.False(again.HasPii);
    }

    [Fact]
    public void Entities_carry_category_original_text_offset_length_and_placeholder()
    {
        var result = Redactor.Redact("山田太郎さん、電話は０９０－１２３４－５６７８");

        Assert.Collection(
            result.Entities,
            person => Assert.Equal(new PiiEntity(PiiCategory.Person, "山田太郎", 0, 4, "[PERSON_1]"), person),
            phone => Assert.Equal(new PiiEntity(PiiCategory.PhoneNumber, "０９０－１２３４－５６７８", 10, 13, "[PHONE_NUMBER_1]"), phone));
    }

    [Fact]
    public void Placeholders_the_user_typed_are_not_redacted_and_not_reused()
    {
        const string input = "[PERSON_1]と書きましたが、本当は山田さんです";

        var result = Redactor.Redact(input);

        Assert.Equal("[PERSON_1]と書きましたが、本当は[PERSON_2]さんです", result.Text);
        Assert.Equal(input, result.Restore(result.Text));
    }

    [Fact]
    public void Find_entities_gives_offsets_into_the_original_text()
    {
        const string text = "〒２３１－００２１ 称呼番号１２３";

        var spans = Redactor.FindEntities(text);

        Assert.Contains(new PiiSpan(PiiCategory.PostalCode, 1, 8), spans);
        Assert.Contains(new PiiSpan(PiiCategory.CaseNumber, 14, 3), spans);
    }

    [Fact]
    public async Task Batch_redaction_keeps_the_order_of_the_texts()
    {
        var results = await Redactor.RedactBatchAsync(["山田さん", "横浜市に帰る", "090-1234-5678"], CancellationToken.None);

        Assert.Equal(["[PERSON_1]さん", "横浜市に帰る", "[PHONE_NUMBER_1]"], results.Select(r => r.Text));
    }

    [Fact]
    public async Task A_cancelled_request_is_not_redacted()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Redactor.RedactAsync("山田さん", cancelled.Token));
    }
}
