"""The demo site: the seed article page (shared/seeds/000_…) and everything it links to.

Titles, dates, types, authors, slugs and the article's text are those of the seed page;
the Arabic and Persian are translations written for the demo. The recommended briefs' own texts are
not in the seed, so their bodies say so rather than invent analysis.
"""

PUBLICATION_TYPES = [
    {
        "slug": "brief-analysis",
        "name_en": "Brief Analysis",
        "name_ar": "تحليل موجز",
        "name_fa": "تحلیل کوتاه",
    },
    {
        "slug": "articles-testimony",
        "name_en": "Articles & Testimony",
        "name_ar": "مقالات وشهادات",
        "name_fa": "مقاله‌ها و گواهی‌ها",
    },
    {
        "slug": "policywatch",
        "name_en": "PolicyWatch",
        "name_ar": "المرصد السياسي",
        "name_fa": "دیده‌بان سیاست",
    },
]

TOPICS = [
    {
        "slug": "military-security",
        "name_en": "Military & Security",
        "name_ar": "الشؤون العسكرية والأمنية",
        "description_en": "<p>Armed forces, deterrence, arms transfers and the conflicts "
        "that shape the region's security.</p>",
        "description_ar": "<p>القوات المسلحة والردع ونقل الأسلحة والنزاعات التي ترسم "
        "ملامح الأمن في المنطقة.</p>",
        "name_fa": "امور نظامی و امنیتی",
        "description_fa": "<p>نیروهای مسلح، بازدارندگی، انتقال تسلیحات و منازعاتی که امنیت "
        "منطقه را شکل می‌دهند.</p>",
    },
    # Added by an editor and not yet translated: the translation queue shows it, and
    # approving an Arabic version filed under it lists it as missing.
    {
        "slug": "arms-control",
        "name_en": "Arms Control",
        "description_en": "<p>Treaties, export controls and the spread of missiles and drones.</p>",
    },
]

REGIONS = [
    {
        "slug": "israel",
        "name_en": "Israel",
        "name_ar": "إسرائيل",
        "description_en": "<p>Israel's security, diplomacy and relations with its neighbours "
        "and the great powers.</p>",
        "description_ar": "<p>أمن إسرائيل ودبلوماسيتها وعلاقاتها بجيرانها وبالقوى الكبرى.</p>",
        "name_fa": "اسرائیل",
        "description_fa": "<p>امنیت و دیپلماسی اسرائیل و روابط آن با همسایگان و قدرت‌های بزرگ.</p>",
    },
    {
        "slug": "syria",
        "name_en": "Syria",
        "name_ar": "سوريا",
        "description_en": "<p>The Syrian war, the foreign forces engaged in it, and its "
        "consequences for the region.</p>",
        "description_ar": "<p>الحرب في سوريا والقوى الأجنبية المنخرطة فيها وتداعياتها على "
        "المنطقة.</p>",
        "name_fa": "سوریه",
        "description_fa": "<p>جنگ سوریه، نیروهای خارجی درگیر در آن و پیامدهایش برای منطقه.</p>",
    },
    {  # not yet translated, as the topic above
        "slug": "ukraine",
        "name_en": "Ukraine",
        "description_en": "<p>The war in Ukraine and what it means for the Middle East.</p>",
    },
]

EXPERTS = [
    {
        "slug": "anna-borshchevskaya",
        "name_en": "Anna Borshchevskaya",
        "name_ar": "آنا بورشيفسكايا",
        "role_en": "Senior Fellow",
        "role_ar": "زميلة أولى",
        "short_bio_en": "Anna Borshchevskaya is a senior fellow at The Washington Institute, "
        "focusing on Russia's policy toward the Middle East.",
        "short_bio_ar": "آنا بورشيفسكايا زميلة أولى في معهد واشنطن، "
        "تتركّز أبحاثها على سياسة روسيا تجاه الشرق الأوسط.",
        "full_bio_en": "<p>Anna Borshchevskaya is a senior fellow at The Washington Institute, "
        "focusing on Russia's policy toward the Middle East.</p>",
        "full_bio_ar": "<p>آنا بورشيفسكايا زميلة أولى في معهد واشنطن، "
        "تتركّز أبحاثها على سياسة روسيا تجاه الشرق الأوسط.</p>",
        "name_fa": "آنا بورشفسکایا",
        "role_fa": "پژوهشگر ارشد",
        "short_bio_fa": "آنا بورشفسکایا پژوهشگر ارشد مؤسسهٔ واشنگتن است و بر سیاست روسیه در "
        "قبال خاورمیانه تمرکز دارد.",
        "full_bio_fa": "<p>آنا بورشفسکایا پژوهشگر ارشد مؤسسهٔ واشنگتن است و بر سیاست روسیه در "
        "قبال خاورمیانه تمرکز دارد.</p>",
        "topics": ["military-security"],
        "regions": ["syria"],
    },
    {
        "slug": "simon-henderson",
        "name_en": "Simon Henderson",
        "name_ar": "سايمون هندرسون",
        "role_en": "Fellow",
        "role_ar": "زميل",
        "short_bio_en": "Simon Henderson is a fellow at The Washington Institute.",
        "short_bio_ar": "سايمون هندرسون زميل في معهد واشنطن.",
        "name_fa": "سایمون هندرسون",
        "role_fa": "پژوهشگر",
        "short_bio_fa": "سایمون هندرسون پژوهشگر مؤسسهٔ واشنگتن است.",
    },
    {
        "slug": "ben-fishman",
        "name_en": "Ben Fishman",
        "name_ar": "بن فيشمان",
        "role_en": "Fellow",
        "role_ar": "زميل",
        "short_bio_en": "Ben Fishman is a fellow at The Washington Institute.",
        "short_bio_ar": "بن فيشمان زميل في معهد واشنطن.",
        "name_fa": "بن فیشمن",
        "role_fa": "پژوهشگر",
        "short_bio_fa": "بن فیشمن پژوهشگر مؤسسهٔ واشنگتن است.",
    },
    {
        "slug": "leila-haddad",
        "name_en": "Leila Haddad",
        "name_ar": "ليلى حداد",
        "kind": "guest",
        "role_en": "Guest contributor",
        "role_ar": "مساهمة ضيفة",
        "short_bio_en": "Leila Haddad is a guest contributor made up for the demo.",
        "short_bio_ar": "ليلى حداد مساهمة ضيفة أُنشئت للعرض التوضيحي.",
        "name_fa": "لیلا حداد",
        "role_fa": "نویسندهٔ مهمان",
        "short_bio_fa": "لیلا حداد نویسندهٔ مهمانی است که برای نسخهٔ نمایشی ساخته شده است.",
    },
]

_NOT_IN_SEED_EN = (
    "<p>The text of this brief is not part of the demo content: only its title, date, "
    "type and author come from the seed page.</p>"
)
_NOT_IN_SEED_AR = (
    "<p>نصّ هذا التحليل ليس جزءاً من المحتوى التجريبي، إذ لم يُؤخذ من الصفحة الأصلية "
    "سوى عنوانه وتاريخه ونوعه واسم كاتبه.</p>"
)

_NOT_IN_SEED_FA = (
    "<p>متن این تحلیل بخشی از محتوای نمایشی نیست: از صفحهٔ اصلی تنها عنوان، تاریخ، نوع و "
    "نام نویسندهٔ آن برگرفته شده است.</p>"
)

SEED_ARTICLE = {
    "slug_en": "netanyahu-and-putin-rendezvous-paris",
    "slug_ar": "lqa-ntnyahw-wbwty-nfy-barys",
    "title_en": "Netanyahu and Putin Rendezvous in Paris",
    "title_ar": "لقاء نتنياهو وبوتين في باريس",
    "title_fa": "دیدار نتانیاهو و پوتین در پاریس",
    "type": "articles-testimony",
    "date": "2015-11-30",
    "authors": ["anna-borshchevskaya"],
    "topics": ["military-security"],
    "regions": ["israel", "syria"],
    "summary_en": "Netanyahu and Putin meet in Paris to discuss Syria, terrorism and the "
    "Israeli-Palestinian conflict, as Russia's military build-up in Syria raises Israel's "
    "concern that advanced Russian weapons will reach Hezbollah.",
    "summary_ar": "يلتقي نتنياهو وبوتين في باريس لبحث الوضع في سوريا ومكافحة الإرهاب "
    "والصراع الإسرائيلي-الفلسطيني، في وقت يزيد فيه الحشد العسكري الروسي في سوريا من "
    "مخاوف إسرائيل من وصول أسلحة روسية متطورة إلى حزب الله.",
    "summary_fa": "نتانیاهو و پوتین در پاریس دیدار می‌کنند تا دربارهٔ سوریه، تروریسم و "
    "منازعهٔ اسرائیل و فلسطین گفت‌وگو کنند؛ در حالی که افزایش حضور نظامی روسیه در سوریه، "
    "نگرانی اسرائیل از رسیدن تسلیحات پیشرفتهٔ روسی به دست حزب‌الله را بیشتر کرده است.",
    "body_en": """\
<p>Israeli Prime Minister Benjamin Netanyahu and Russian President Vladimir Putin will meet on the sidelines of the UN climate summit in Paris today to discuss the situation in Syria, fighting terrorism, and the Israeli-Palestinian conflict, according to Russian and Western press reports. Earlier, at Israel's initiative according to a Kremlin statement of November 18, Putin spoke with Netanyahu on the phone. Netanyahu expressed condolences to Putin about the victims of the downed Russian Metrojet Flight 9268 in the Sinai Peninsula, likely by an ISIS bomb.</p>
<p>Earlier, on September 21, Putin and Netanyahu met in Moscow to discuss coordination to avoid accidental clashes between Israeli and Russian forces in the context of Russia's military build-up in Syria that month, as well as Israel's related security concerns. Russia's military build-up increased the chances for Hezbollah to obtain Russian-supplied weapons. Putin and Netanyahu agreed to form a joint committee to coordinate military activities. According to both leaders and other top-level Russian and Israeli officials, the meeting was helpful and the coordination mechanism is working. Major General (Res.) Amos Gilad, director of the Political-Military Affairs Bureau at Israel's Defense Ministry, reportedly said on November 28 in Beersheba that Russian military jets breached Israeli airspace since entering the Syrian conflict, but coordination with Israel prevents clashes such as the one between Turkey and Russia on November 24.</p>
<p>Middle Eastern leaders have seen for some time now Russia's growing influence in the region in the context of U.S. retreat, which severely damaged U.S. credibility. This situation leaves fewer options for Israel and pushes it to work more closely with Russia. Among Israel's chief concerns is that advanced Russian weaponry will fall into Hezbollah's hands, and Russia's involvement in Syria increases this possibility. In this context, U.S. policymakers should indicate greater commitment to Israel's security concerns.</p>""",  # noqa: E501
    "body_ar": """\
<p>يلتقي رئيس الوزراء الإسرائيلي بنيامين نتنياهو والرئيس الروسي فلاديمير بوتين اليوم على هامش قمة الأمم المتحدة للمناخ في باريس، لبحث الوضع في سوريا ومكافحة الإرهاب والصراع الإسرائيلي-الفلسطيني، وفقاً لتقارير صحفية روسية وغربية. وكان بوتين قد تحدّث هاتفياً مع نتنياهو في وقت سابق، بمبادرة من إسرائيل بحسب بيان صادر عن الكرملين في 18 تشرين الثاني/نوفمبر، إذ قدّم نتنياهو لبوتين تعازيه بضحايا طائرة "متروجت" الروسية في رحلتها رقم 9268، التي أُسقطت فوق شبه جزيرة سيناء، على الأرجح بقنبلة زرعها تنظيم "داعش".</p>
<p>وقبل ذلك، في 21 أيلول/سبتمبر، التقى بوتين ونتنياهو في موسكو لبحث التنسيق اللازم لتجنّب أي اشتباك عرضي بين القوات الإسرائيلية والروسية، في ظل الحشد العسكري الروسي في سوريا خلال ذلك الشهر، فضلاً عن المخاوف الأمنية الإسرائيلية المرتبطة به. فقد زاد هذا الحشد من فرص حصول "حزب الله" على أسلحة روسية المصدر. واتفق بوتين ونتنياهو على تشكيل لجنة مشتركة لتنسيق الأنشطة العسكرية. وبحسب الزعيمين وغيرهما من كبار المسؤولين الروس والإسرائيليين، كان اللقاء مفيداً وآلية التنسيق تؤدي عملها. وأفادت التقارير بأن اللواء (احتياط) عاموس جلعاد، مدير مكتب الشؤون السياسية-العسكرية في وزارة الدفاع الإسرائيلية، صرّح في بئر السبع في 28 تشرين الثاني/نوفمبر بأن طائرات عسكرية روسية اخترقت المجال الجوي الإسرائيلي منذ دخول روسيا النزاع السوري، غير أن التنسيق مع إسرائيل يحول دون وقوع اشتباكات كتلك التي وقعت بين تركيا وروسيا في 24 تشرين الثاني/نوفمبر.</p>
<p>يلمس قادة الشرق الأوسط منذ فترة تنامي النفوذ الروسي في المنطقة في ظل التراجع الأمريكي الذي ألحق ضرراً بالغاً بمصداقية الولايات المتحدة. ويترك هذا الواقع أمام إسرائيل خيارات أقل، ويدفعها إلى العمل بشكل أوثق مع روسيا. ومن أبرز ما تخشاه إسرائيل أن تقع أسلحة روسية متطورة في أيدي "حزب الله"، وهو احتمال يعزّزه التدخل الروسي في سوريا. وفي هذا السياق، ينبغي لصانعي السياسات في الولايات المتحدة إبداء التزام أكبر بالمخاوف الأمنية لإسرائيل.</p>""",  # noqa: E501
    "body_fa": """\
<p>به گزارش رسانه‌های روسی و غربی، بنیامین نتانیاهو، نخست‌وزیر اسرائیل، و ولادیمیر پوتین، رئیس‌جمهور روسیه، امروز در حاشیهٔ اجلاس تغییرات اقلیمی سازمان ملل در پاریس با یکدیگر دیدار می‌کنند تا دربارهٔ وضعیت سوریه، مبارزه با تروریسم و منازعهٔ اسرائیل و فلسطین گفت‌وگو کنند. پیش‌تر، به گفتهٔ بیانیهٔ کرملین در ۱۸ نوامبر، پوتین به ابتکار اسرائیل تلفنی با نتانیاهو گفت‌وگو کرده بود. نتانیاهو در این گفت‌وگو برای قربانیان پرواز ۹۲۶۸ شرکت هواپیمایی روسی «متروجت»، که بر فراز شبه‌جزیرهٔ سینا و احتمالاً با بمب داعش سرنگون شد، به پوتین تسلیت گفت.</p>
<p>پیش از آن، در ۲۱ سپتامبر، پوتین و نتانیاهو در مسکو دیدار کردند تا دربارهٔ هماهنگی برای جلوگیری از برخوردهای ناخواسته میان نیروهای اسرائیلی و روسی گفت‌وگو کنند؛ دیداری که در پی افزایش حضور نظامی روسیه در سوریه در همان ماه و نگرانی‌های امنیتی اسرائیل در این باره انجام شد. افزایش حضور نظامی روسیه احتمال دستیابی حزب‌الله به سلاح‌های روسی را بالا برده بود. پوتین و نتانیاهو توافق کردند کمیته‌ای مشترک برای هماهنگی فعالیت‌های نظامی تشکیل دهند. به گفتهٔ دو رهبر و دیگر مقام‌های عالی‌رتبهٔ روس و اسرائیلی، این دیدار سودمند بود و سازوکار هماهنگی کار می‌کند. به گزارش‌ها، سرلشکر (ذخیره) عاموس گیلعاد، رئیس ادارهٔ امور سیاسی-نظامی وزارت دفاع اسرائیل، در ۲۸ نوامبر در بئرشبع گفت که جنگنده‌های روسیه از زمان ورود به منازعهٔ سوریه حریم هوایی اسرائیل را نقض کرده‌اند، اما هماهنگی با اسرائیل از برخوردهایی مانند رویارویی ۲۴ نوامبر ترکیه و روسیه جلوگیری می‌کند.</p>
<p>رهبران خاورمیانه مدتی است که نفوذ روزافزون روسیه در منطقه را در بستر عقب‌نشینی ایالات متحده می‌بینند؛ عقب‌نشینی‌ای که به اعتبار آمریکا آسیب جدی زده است. این وضعیت گزینه‌های کمتری برای اسرائیل باقی می‌گذارد و آن را به همکاری نزدیک‌تر با روسیه سوق می‌دهد. یکی از اصلی‌ترین نگرانی‌های اسرائیل این است که تسلیحات پیشرفتهٔ روسی به دست حزب‌الله بیفتد، و دخالت روسیه در سوریه این احتمال را افزایش می‌دهد. در این شرایط، سیاست‌گذاران آمریکایی باید تعهد بیشتری به نگرانی‌های امنیتی اسرائیل نشان دهند.</p>""",  # noqa: E501
    "author_note_en": "Anna Borshchevskaya is an Ira Weiner Fellow at The Washington Institute.",
    "author_note_fa": "آنا بورشفسکایا پژوهشگر «آیرا واینر» در مؤسسهٔ واشنگتن است.",
    "original_outlet_name_fa": "بنیاد متحدان اسرائیل",
    "author_note_ar": 'آنا بورشيفسكايا هي زميلة "آيرا وينر" في معهد واشنطن.',
    "original_outlet_name_en": "Israel Allies Foundation",
    "original_outlet_name_ar": "مؤسسة حلفاء إسرائيل",
    "recommendations": [
        "how-make-russia-pay-ukraine-study-syria",
        "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
        "libyas-renewed-legitimacy-crisis",
    ],
}

RECOMMENDED_BRIEFS = [
    {
        "slug_en": "how-make-russia-pay-ukraine-study-syria",
        "title_en": "How to Make Russia Pay in Ukraine: Study Syria",
        "title_ar": "كيف نجعل روسيا تدفع الثمن في أوكرانيا: دروس من سوريا",
        "title_fa": "چگونه روسیه را در اوکراین به پرداخت هزینه واداریم: درس‌هایی از سوریه",
        "type": "articles-testimony",
        "date": "2022-02-15",
        "authors": ["anna-borshchevskaya"],
        "regions": ["syria"],
    },
    {
        "slug_en": "bennetts-bahrain-visit-further-invigorates-israel-gulf-diplomacy",
        "title_en": "Bennett's Bahrain Visit Further Invigorates Israel-Gulf Diplomacy",
        "title_ar": "زيارة بينيت إلى البحرين تمنح الدبلوماسية الإسرائيلية-الخليجية زخماً جديداً",
        "title_fa": "سفر بنت به بحرین به دیپلماسی اسرائیل و کشورهای خلیج فارس جان تازه‌ای می‌بخشد",
        "type": "brief-analysis",
        "date": "2022-02-14",
        "authors": ["simon-henderson"],
        "regions": ["israel"],
    },
    {
        "slug_en": "libyas-renewed-legitimacy-crisis",
        "title_en": "Libya's Renewed Legitimacy Crisis",
        "title_ar": "أزمة الشرعية المتجددة في ليبيا",
        "title_fa": "بحران تازهٔ مشروعیت در لیبی",
        "type": "brief-analysis",
        "date": "2022-02-14",
        "authors": ["ben-fishman"],
    },
]
for _brief in RECOMMENDED_BRIEFS:
    _brief.update(body_en=_NOT_IN_SEED_EN, body_ar=_NOT_IN_SEED_AR, body_fa=_NOT_IN_SEED_FA)

# Briefs made for the demo, to show the editorial workflow: not from the seed page.
WORKFLOW_BRIEFS = [
    {
        "slug_en": "demo-draft-gulf-states-and-syria-reconstruction",
        "title_en": "Draft: The Gulf States and Syria's Reconstruction",
        "summary_en": "A draft made for the demo, still being written.",
        "author": "anna-borshchevskaya",
        "step": "draft",
        "by_writer": True,  # the demo writer's own, which they may go on editing
    },
    {
        "slug_en": "demo-in-review-russian-bases-in-syria",
        "title_en": "In Review: What Russia's Syrian Bases Are For",
        "summary_en": "A brief made for the demo, sent by its writer for an editor's review.",
        "author": "anna-borshchevskaya",
        "step": "review",
        "by_writer": True,
    },
    {
        "slug_en": "demo-scheduled-israel-russia-deconfliction",
        "title_en": "Scheduled: Ten Years of Israeli-Russian Deconfliction in Syria",
        "summary_en": "A brief made for the demo, scheduled to go public three days after "
        "the demo was loaded.",
        "author": "anna-borshchevskaya",
        "step": "schedule",
    },
    {
        "slug_en": "demo-withdrawn-hezbollah-weapons-pipeline",
        "title_en": "Withdrawn: Hezbollah's Weapons Pipeline Through Syria",
        "summary_en": "A brief made for the demo: published, then withdrawn by an editor; "
        "it keeps its address for publishing again.",
        "author": "anna-borshchevskaya",
        "date": "2020-03-10",
        "step": "withdraw",
    },
    {
        "slug_en": "demo-arabic-awaiting-approval-iranian-drones",
        "title_en": "Translated: Iranian Drones over Ukraine, as Seen from Israel",
        "title_ar": "المسيّرات الإيرانية في سماء أوكرانيا كما تراها إسرائيل",
        "summary_en": "A brief made for the demo: public in English, its Arabic translation "
        "awaits an editor's approval.",
        "summary_ar": "تحليل أُعدّ للعرض التوضيحي: نُشر بالإنجليزية، وترجمته العربية بانتظار "
        "موافقة المحرّر.",
        "body_ar": "<p>كُتب هذا النص للعرض التوضيحي، وليس جزءاً من المقال الأصلي.</p>",
        "author": "ben-fishman",
        "guest": ("leila-haddad", "discussant"),  # a guest contributor, in the byline
        "date": "2021-06-01",  # older than the seed's rail, which it would otherwise join
        "step": "arabic_review",
        # What its Arabic version depends on that has no Arabic yet: a topic, a region, a
        # PDF's title and its picture's alt text; and an editor's pick.
        "topics": ["arms-control"],
        "regions": ["ukraine"],
        "document": {"title_en": "Full report"},
        "lead_image": {
            "alt_en": "An illustration drawn for the demo: a drone's outline against a night sky.",
            "caption_en": "Iranian-made drones have struck Ukrainian cities since 2022.",
            "credit_en": "Illustration made for the demo",
            "focal_x": 50,
            "focal_y": 50,
        },
        "picks": ["netanyahu-and-putin-rendezvous-paris"],
    },
]
WORKFLOW_BODY_EN = "<p>This text was written for the demo; it is not part of the seed article.</p>"

# An earlier wording of the seed's summary, kept as the first revision so that the demo
# has two versions to compare.
SEED_FIRST_SUMMARY_EN = (
    "Netanyahu and Putin meet in Paris to discuss Syria, as Russia's military build-up "
    "there raises Israel's concern about Hezbollah."
)

# The seed's lead image, drawn for the demo (website/management/commands/load_demo.py).
SEED_LEAD_IMAGE = {
    "alt_en": "An illustration drawn for the demo: two circles, for Israel and Russia, "
    "meeting on a map of Paris.",
    "alt_ar": "رسم توضيحي أُعدّ للعرض التوضيحي: دائرتان تمثّلان إسرائيل وروسيا تلتقيان على "
    "خريطة باريس.",
    "caption_en": "Israel and Russia meet in Paris.",
    "caption_ar": "إسرائيل وروسيا تلتقيان في باريس.",
    "credit_en": "Illustration made for the demo",
    "credit_ar": "رسم أُعدّ للعرض التوضيحي",
    "alt_fa": "تصویری که برای نسخهٔ نمایشی کشیده شده است: دو دایره، نماد اسرائیل و روسیه، که "
    "بر نقشهٔ پاریس به هم می‌رسند.",
    "caption_fa": "اسرائیل و روسیه در پاریس به هم می‌رسند.",
    "credit_fa": "تصویرسازی برای نسخهٔ نمایشی",
    "focal_x": 50,
    "focal_y": 45,
}

# A figure in the seed's body, after its second paragraph: the dates the text names, drawn
# for the demo without words, so that one picture serves both languages.
SEED_FIGURE = {
    "alt_en": "A timeline of five dates: September 21, then November 18, 24, 28 and 30, 2015.",
    "alt_ar": "خط زمني لخمسة تواريخ: 21 أيلول/سبتمبر، ثم 18 و24 و28 و30 تشرين الثاني/نوفمبر 2015.",
    "caption_en": "Contacts between Israel and Russia named in this brief, from September 21 "
    "to November 30, 2015.",
    "caption_ar": "الاتصالات بين إسرائيل وروسيا الواردة في هذا التحليل، من 21 أيلول/سبتمبر إلى "
    "30 تشرين الثاني/نوفمبر 2015.",
    "credit_en": "Chart made for the demo",
    "credit_ar": "رسم بياني أُعدّ للعرض التوضيحي",
    "alt_fa": "خط زمانی پنج تاریخ: ۲۱ سپتامبر، سپس ۱۸، ۲۴، ۲۸ و ۳۰ نوامبر ۲۰۱۵.",
    "caption_fa": "تماس‌های میان اسرائیل و روسیه که در این تحلیل آمده است، از ۲۱ سپتامبر تا "
    "۳۰ نوامبر ۲۰۱۵.",
    "credit_fa": "نمودار تهیه‌شده برای نسخهٔ نمایشی",
}
# (day of the year 2015, label): the Moscow meeting, the call, the downed Russian jet,
# General Gilad's remarks, the Paris meeting.
SEED_FIGURE_DATES = [(264, "21.9"), (322, "18.11"), (328, "24.11"), (332, "28.11"), (334, "30.11")]

# A PDF offered with the seed, made for the demo.
SEED_DOCUMENT = {
    "title_en": "One-page summary",
    "title_ar": "ملخص في صفحة واحدة",
    "title_fa": "خلاصه در یک صفحه",
}

# Written in Arabic first, as Fikra Forum's pieces are, by the demo's guest contributor;
# its English translation waits for an editor's approval.
ARABIC_FIRST_BRIEF = {
    "slug_ar": "alshbab-alraqy-wsnadyq-alaqtraa",
    "type": "articles-testimony",
    "author": "leila-haddad",
    "topics": [],
    "date": "2014-05-20",  # older than the seed and its rail, which it would otherwise join
    "title_ar": "الشباب العراقي وصناديق الاقتراع: لماذا يعزف الجيل الجديد عن التصويت؟",
    "summary_ar": (
        "لم تعد صناديق الاقتراع تقنع كثيراً من شباب ما بعد عام 2003؛ فما الذي يمكن أن يعيد "
        "ثقتهم بالعملية السياسية؟"
    ),
    "body_ar": (
        "<p>تكشف نسب المشاركة المتدنية في الاستحقاقات الانتخابية الأخيرة في العراق عن فجوة "
        "متّسعة بين جيل ما بعد عام 2003 والطبقة السياسية. فكثير من الشباب الذين خرجوا إلى "
        "الساحات مطالبين بالإصلاح لم يعودوا يرون في صناديق الاقتراع أداةً للتغيير.</p>"
        "<p>ولا يعني هذا العزوف انصرافاً عن الشأن العام؛ إذ ينشط هؤلاء الشباب في المبادرات "
        "المدنية المحلية وعلى منصات التواصل الاجتماعي، حيث يناقشون البطالة والخدمات والفساد "
        "بجرأة لم تعرفها الأجيال السابقة.</p>"
        "<p>وإذا أرادت القوى السياسية استعادة ثقة هذا الجيل، فعليها أن تقدّم برامج يمكن قياس "
        "نتائجها، وأن تفتح قوائمها الانتخابية أمام وجوه جديدة، بدلاً من الاكتفاء بخطاب يعد "
        "بالتغيير ولا يحققه.</p>"
    ),
    "title_en": "Young Iraqis and the Ballot Box: Why a New Generation Stays Home",
    "summary_en": (
        "The ballot box no longer convinces many Iraqis who came of age after 2003; what "
        "could restore their trust in the political process?"
    ),
    "body_en": (
        "<p>Low turnout in Iraq's recent elections reveals a widening gap between the "
        "post-2003 generation and the political class. Many of the young people who took "
        "to the squares demanding reform no longer see the ballot box as a means of "
        "change.</p>"
        "<p>This abstention is not a retreat from public life: these young people are active "
        "in local civic initiatives and on social media, where they debate unemployment, "
        "public services and corruption with a boldness earlier generations lacked.</p>"
        "<p>If political parties want to win back this generation's trust, they must offer "
        "programmes whose results can be measured and open their electoral lists to new "
        "faces, rather than settle for rhetoric that promises change and does not deliver "
        "it.</p>"
    ),
}
