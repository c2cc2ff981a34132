<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Briefing</name>
    <message>
        <source>%1 main targets</source>
        <translation>%1年主要目标</translation>
    </message>
    <message>
        <source>%1 targets at a glance</source>
        <translation>%1年目标一览</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1年主要成绩</translation>
    </message>
    <message>
        <source>%1 key tasks</source>
        <translation>%1年重点任务</translation>
    </message>
    <message>
        <source>%1 achievements</source>
        <translation>%1年工作成效</translation>
    </message>
    <message>
        <source>Main targets</source>
        <translation>主要目标</translation>
    </message>
    <message>
        <source>Targets at a glance</source>
        <translation>目标一览</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>主要成绩</translation>
    </message>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Emphases</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <source>Voices</source>
        <translation>代表发言</translation>
    </message>
    <message>
        <source>Key terms</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>章节正文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <source>The text is shortened: %1 of %2 sentences are left out where %3 stands.</source>
        <translation>正文有删节：%2句中略去%1句，以“%3”标出。</translation>
    </message>
    <message>
        <source>A sentence too long for the page ends after a clause where %1 stands.</source>
        <translation>过长的句子在分句处截断，以“%1”标出。</translation>
    </message>
    <message>
        <source>The note is too long for the page: its last %n line(s) are not printed.</source>
        <translation>附注过长，末尾%n行未印出。</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>会议：%1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>发文单位：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Reported by: %1</source>
        <translation>报告人：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not shown: %1.</source>
        <translation>未列出：%1。</translation>
    </message>
    <message>
        <source>%n more quote(s) not listed.</source>
        <translation>另有%n条引语未列出。</translation>
    </message>
    <message>
        <source>%n more item(s) not listed.</source>
        <translation>另有%n项未列出。</translation>
    </message>
    <message>
        <source>Quotations are shortened where …… stands.</source>
        <translation>引语有删节处以“……”标出。</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation>%1年实绩</translation>
    </message>
    <message>
        <source>≈ about, ≥ at least</source>
        <translation>≈ 左右&#x3000;≥ 以上</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>简报</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印于 %1</translation>
    </message>
    <message>
        <source>Page 1 of 1</source>
        <translation>第1页 共1页</translation>
    </message>
</context>
<context>
    <name>BriefingEditor</name>
    <message>
        <source>Compose Briefing</source>
        <translation>编排简报</translation>
    </message>
    <message>
        <source>Covers the section “%1”</source>
        <translation>范围：章节“%1”</translation>
    </message>
    <message>
        <source>Covers the whole report</source>
        <translation>范围：整份报告</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>None printed</source>
        <translation>不打印</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Official document (公文)</source>
        <translation>公文</translation>
    </message>
    <message>
        <source>A note of your own, printed at the end of the page</source>
        <translation>自拟附注，印在页末</translation>
    </message>
    <message>
        <source>Nothing to print: tick at least one part.</source>
        <translation>没有可打印的内容：请至少勾选一项。</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export W&amp;ord…</source>
        <translation>导出 Word(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Issuing unit:</source>
        <translation>发文单位(&amp;I)：</translation>
    </message>
    <message>
        <source>Dat&amp;e:</source>
        <translation>日期(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Mark:</source>
        <translation>标注(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>样式(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>附注(&amp;N)：</translation>
    </message>
    <message>
        <source>P&amp;arts (tick what goes in; drag or move to reorder):</source>
        <translation>内容(&amp;A)（勾选要印的部分，拖动或上移、下移调整顺序）：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Head (meeting, date, unit, who reported)</source>
        <translation>抬头（会议、日期、单位、报告人）</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>章节正文</translation>
    </message>
    <message>
        <source>Main targets</source>
        <translation>主要目标</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>目标图表</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>主要成绩</translation>
    </message>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>分项内容</translation>
    </message>
    <message>
        <source>Emphases</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>代表发言</translation>
    </message>
    <message>
        <source>Key terms</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>附注</translation>
    </message>
    <message>
        <source>%1/%2 characters</source>
        <translation>%1/%2 字</translation>
    </message>
    <message>
        <source>Fits at %1 pt</source>
        <translation>正文 %1 磅，排满一页</translation>
    </message>
    <message>
        <source>Does not fit at %1 pt: shorten the note</source>
        <translation>%1 磅仍排不下一页：请缩短附注</translation>
    </message>
    <message>
        <source>No installed font draws %1: they print blank.</source>
        <translation>已安装的字体中没有%1，打印时为空白。</translation>
    </message>
</context>
<context>
    <name>BriefingPrinter</name>
    <message>
        <source>Export briefing as PDF</source>
        <translation>导出简报为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export briefing as Word document</source>
        <translation>导出简报为 Word 文档</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>ChartPane</name>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <source>Charts are unavailable: %1</source>
        <translation>图表不可用：%1</translation>
    </message>
    <message>
        <source>%1 targets</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <source>This report sets no numeric targets.</source>
        <translation>本报告没有可绘制的数值目标。</translation>
    </message>
    <message>
        <source>Result vs target</source>
        <translation>实绩与目标对比</translation>
    </message>
    <message>
        <source>No indicator has both a result and a target.</source>
        <translation>没有同时给出实绩和目标的指标。</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1年成绩</translation>
    </message>
    <message>
        <source>No results that are amounts or counts.</source>
        <translation>没有金额或数量类的成绩。</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 indicators</source>
        <translation>显示前 %1 项指标（共 %2 项）</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Older: %1
Newer: %2</source>
        <translation>较早：%1
较新：%2</translation>
    </message>
    <message>
        <source>Tasks: %1</source>
        <translation>工作任务：%1</translation>
    </message>
    <message>
        <source>older</source>
        <translation>较早</translation>
    </message>
    <message>
        <source>newer</source>
        <translation>较新</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标（%1）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>实绩（%1）</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Neither report sets a target.</source>
        <translation>两份报告均未设定目标。</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>est. %1</source>
        <translation>预计%1</translation>
    </message>
    <message>
        <source>= no change</source>
        <translation>= 持平</translation>
    </message>
    <message>
        <source>lower end %1, upper end %2</source>
        <translation>下限 %1，上限 %2</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1个百分点</translation>
    </message>
    <message>
        <source>No tasks listed.</source>
        <translation>未列出工作任务。</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare Reports — jcviewer</source>
        <translation>报告对比 — jcviewer</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Older:</source>
        <translation>较早(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Newer:</source>
        <translation>较新(&amp;N)：</translation>
    </message>
    <message>
        <source>Pick two different reports of the library to compare.</source>
        <translation>请从文库中选择两份不同的报告进行对比。</translation>
    </message>
    <message>
        <source>Reading the two reports…</source>
        <translation>正在读取两份报告…</translation>
    </message>
</context>
<context>
    <name>CorrectionNotices</name>
    <message>
        <source>%n stored correction(s) forgotten</source>
        <translation>已删除 %n 处保存的修正</translation>
    </message>
</context>
<context>
    <name>Corrector</name>
    <message>
        <source>The report changed on disk and is shown as it is now: nothing was corrected</source>
        <translation>报告文件已在磁盘上更改，现按新内容显示：未作任何修正</translation>
    </message>
    <message>
        <source>Not a Quote</source>
        <translation>这不是引语</translation>
    </message>
    <message numerus="yes">
        <source>All %n Quotes</source>
        <translation>
            <numerusform>全部 %n 条引语</numerusform>
        </translation>
    </message>
    <message>
        <source>Speaker Is…</source>
        <translation>说话人是…</translation>
    </message>
    <message>
        <source>Not a Target</source>
        <translation>这不是目标</translation>
    </message>
    <message>
        <source>Not a Figure</source>
        <translation>这不是指标数据</translation>
    </message>
    <message>
        <source>This Is Last Year&apos;s Result</source>
        <translation>这是上年实绩</translation>
    </message>
    <message>
        <source>This Is a Target</source>
        <translation>这是今年目标</translation>
    </message>
    <message>
        <source>Indicator Name…</source>
        <translation>指标名称…</translation>
    </message>
    <message>
        <source>Value…</source>
        <translation>数值…</translation>
    </message>
    <message>
        <source>Speaker Is %1</source>
        <translation>说话人改为%1</translation>
    </message>
    <message>
        <source>Indicator Name %1</source>
        <translation>指标名称改为%1</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>数值改为%1</translation>
    </message>
    <message>
        <source>Corrections exported to %1</source>
        <translation>更正已导出到 %1</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Uncertain: %1</source>
        <translation>不确定：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <source>The file cannot be read (permissions or a disk error).</source>
        <translation>无法读取该文件（权限不足或磁盘错误）。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>This is neither a report&apos;s text nor a PDF (it contains binary data).</source>
        <translation>这既不是报告文本，也不是 PDF（文件含有二进制数据）。</translation>
    </message>
    <message>
        <source>The text encoding is not recognised (expected UTF-8, UTF-16 or GB18030).</source>
        <translation>无法识别文本编码（应为 UTF-8、UTF-16 或 GB18030）。</translation>
    </message>
    <message>
        <source>The file is too large to be a report.</source>
        <translation>文件太大，不像是一篇报告。</translation>
    </message>
    <message>
        <source>This PDF is damaged or not a PDF at all: it cannot be opened.</source>
        <translation>此 PDF 已损坏，或根本不是 PDF，无法打开。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password. Save an unprotected copy from your PDF reader.</source>
        <translation>此 PDF 受密码保护。请在 PDF 阅读器中另存一份不加密的副本。</translation>
    </message>
    <message>
        <source>This PDF has no text layer (a scanned page?). Text recognition (OCR) is not supported.</source>
        <translation>此 PDF 没有文字层（扫描版面？）。本软件不支持文字识别（OCR）。</translation>
    </message>
    <message>
        <source>This PDF&apos;s text cannot be read: its fonts&apos; encoding loses the characters.</source>
        <translation>无法读取此 PDF 的文字：其字体编码丢失了字符。</translation>
    </message>
    <message>
        <source>This PDF has no text and no pictures.</source>
        <translation>此 PDF 既没有文字，也没有图片。</translation>
    </message>
    <message>
        <source>Reading this PDF took longer than a minute, so it was stopped: it may be damaged or made to stall readers (or very large for this computer).</source>
        <translation>读取此 PDF 超过一分钟，已停止：文件可能已损坏，或被故意做成拖住阅读器（也可能对这台电脑来说太大）。</translation>
    </message>
    <message>
        <source>Cannot open report</source>
        <translation>无法打开报告</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>The current report stays open.</source>
        <translation>当前报告保持打开。</translation>
    </message>
    <message>
        <source>Opening report</source>
        <translation>正在打开报告</translation>
    </message>
    <message>
        <source>An offline viewer for meeting reports: outline, quotes, target charts, briefings.</source>
        <translation>离线会议报告查看器：目录、引语、目标图表、简报。</translation>
    </message>
    <message>
        <source>Chinese text is set in Noto Sans CJK SC (SIL Open Font License 1.1).</source>
        <translation>中文使用思源黑体 Noto Sans CJK SC 排印（SIL 开放字体许可证 1.1）。</translation>
    </message>
    <message>
        <source>About jcviewer</source>
        <translation>关于 jcviewer</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside jcviewer.</source>
        <translation>jcviewer 内部出错了。</translation>
    </message>
    <message>
        <source>The report file is unchanged. Details were written to the log.</source>
        <translation>报告文件没有被改动。详细信息已写入日志。</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>说话人：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>指标名称：</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Export corrections</source>
        <translation>导出更正</translation>
    </message>
    <message>
        <source>A different corrections file is already next to %1. Replace it?</source>
        <translation>%1 旁边已有一个不同的更正文件。要替换它吗？</translation>
    </message>
    <message>
        <source>This report has no corrections to export.</source>
        <translation>这份报告没有可导出的更正。</translation>
    </message>
    <message>
        <source>Correct a quote or a figure through its context menu first.</source>
        <translation>请先通过右键菜单更正引语或数据。</translation>
    </message>
    <message>
        <source>Cannot store the correction</source>
        <translation>无法保存更正</translation>
    </message>
    <message>
        <source>The correction could not be saved in your data folder.</source>
        <translation>更正无法保存到您的数据文件夹。</translation>
    </message>
    <message>
        <source>The corrections file next to the report (%1) matches nothing in it: it may belong to another report.</source>
        <translation>报告旁的修正文件（%1）与本报告对不上任何内容：它可能属于另一份报告。</translation>
    </message>
    <message>
        <source>The corrections file next to the report (%1) was not applied:</source>
        <translation>报告旁的修正文件（%1）未应用：</translation>
    </message>
    <message>
        <source>Corrections stored for this report in your data folder (%1) no longer apply; the report has changed:</source>
        <translation>数据文件夹（%1）中为本报告保存的修正已不再适用，报告已有改动：</translation>
    </message>
    <message>
        <source>The corrections stored for this report in your data folder (%1) were not applied:</source>
        <translation>数据文件夹（%1）中为本报告保存的修正未应用：</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>另有 %n 处</translation>
    </message>
    <message>
        <source>Corrections not applied</source>
        <translation>修正未应用</translation>
    </message>
    <message>
        <source>Some corrections of %1 could not be applied.</source>
        <translation>%1 的部分修正未能应用。</translation>
    </message>
    <message>
        <source>The report is shown without them. No file was changed.</source>
        <translation>报告按未修正的样子显示，没有改动任何文件。</translation>
    </message>
    <message>
        <source>Forget Them removes only the stored corrections that no longer apply.</source>
        <translation>“忘掉它们”只删除已不再适用的已存修正。</translation>
    </message>
    <message>
        <source>Forget Them</source>
        <translation>忘掉它们</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Cannot forget the corrections</source>
        <translation>无法删除这些修正</translation>
    </message>
    <message>
        <source>The corrections stored for this report could not be changed.</source>
        <translation>为本报告保存的修正无法更改。</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit Report Details</source>
        <translation>编辑报告信息</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>e.g. 2024年2月9日</source>
        <translation>例如 2024年2月9日</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>地点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>IndicatorsView</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>实绩</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Place not set</source>
        <translation>未设地区</translation>
    </message>
    <message>
        <source>The library holds no targets or results yet.</source>
        <translation>文库中还没有目标或实绩。</translation>
    </message>
    <message>
        <source>No target or result for this indicator.</source>
        <translation>该指标没有目标或实绩。</translation>
    </message>
    <message>
        <source>Cannot tell: a side is missing or the units differ</source>
        <translation>无法判断：缺少一方或单位不同</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>est. %1</source>
        <translation>预计%1</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>target value max</source>
        <translation>目标上限</translation>
    </message>
    <message>
        <source>target unit</source>
        <translation>目标单位</translation>
    </message>
    <message>
        <source>target qualifier</source>
        <translation>目标限定</translation>
    </message>
    <message>
        <source>result</source>
        <translation>实绩</translation>
    </message>
    <message>
        <source>result value</source>
        <translation>实绩值</translation>
    </message>
    <message>
        <source>result unit</source>
        <translation>实绩单位</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>target report</source>
        <translation>目标所在报告</translation>
    </message>
    <message>
        <source>target paragraph</source>
        <translation>目标所在段落</translation>
    </message>
    <message>
        <source>result report</source>
        <translation>实绩所在报告</translation>
    </message>
    <message>
        <source>result paragraph</source>
        <translation>实绩所在段落</translation>
    </message>
    <message>
        <source>Band or line: target (▲ at least, ▼ at most) · ● result · ○ estimate</source>
        <translation>色带或横线：目标（▲ 不低于，▼ 不高于）· ● 实绩 · ○ 预计</translation>
    </message>
</context>
<context>
    <name>IndicatorsWindow</name>
    <message>
        <source>Indicators over the Years — jcviewer</source>
        <translation>历年指标 — jcviewer</translation>
    </message>
    <message>
        <source>Reading the library&apos;s targets and results…</source>
        <translation>正在读取文库中的目标与实绩…</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Economic work conference</source>
        <translation>经济工作会议</translation>
    </message>
    <message>
        <source>Government work report</source>
        <translation>政府工作报告</translation>
    </message>
    <message>
        <source>People&apos;s congress</source>
        <translation>人民代表大会</translation>
    </message>
    <message>
        <source>CPPCC session</source>
        <translation>政协会议</translation>
    </message>
    <message>
        <source>Plenary session</source>
        <translation>全体会议</translation>
    </message>
    <message>
        <source>Standing committee meeting</source>
        <translation>常委会会议</translation>
    </message>
    <message>
        <source>Economic analysis</source>
        <translation>经济运行分析</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Year unknown</source>
        <translation>年份不明</translation>
    </message>
    <message>
        <source>Place unknown</source>
        <translation>地点不明</translation>
    </message>
    <message>
        <source>%1 (added from %2)</source>
        <translation>%1（添加自 %2）</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Filter: title, place, kind, year</source>
        <translation>筛选：标题、地点、类型、年份</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>The reports in the library, by year and place</source>
        <translation>文库中的报告，按年份和地点分组</translation>
    </message>
    <message>
        <source>The library is empty. Add report files or a folder of them, or drop them here.</source>
        <translation>文库还是空的。请添加报告文件或文件夹，也可以把它们拖到这里。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The library is unavailable: %1</source>
        <translation>文库不可用：%1</translation>
    </message>
    <message>
        <source>Library unavailable</source>
        <translation>文库不可用</translation>
    </message>
    <message>
        <source>The library cannot be opened. Your reports and their copies are untouched.</source>
        <translation>无法打开文库。您的报告及其副本均未改动。</translation>
    </message>
    <message>
        <source>Library catalogue damaged</source>
        <translation>文库数据库已损坏</translation>
    </message>
    <message>
        <source>The library&apos;s catalogue was damaged. It was kept as %1 and a new, empty catalogue was made: add the reports again (their copies are reused).</source>
        <translation>文库的数据库文件已损坏，已另存为 %1，并新建了一个空文库：请重新添加报告（已复制的报告文本会被重用）。</translation>
    </message>
    <message>
        <source>Cannot change the report&apos;s details</source>
        <translation>无法修改报告信息</translation>
    </message>
    <message>
        <source>Cannot remove the report</source>
        <translation>无法移除报告</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>从文库移除</translation>
    </message>
    <message>
        <source>Remove “%1” from the library? Its copy in the library is deleted; the file %2 is not.</source>
        <translation>从文库移除“%1”？文库中的副本将被删除，原文件 %2 不会被删除。</translation>
    </message>
    <message>
        <source>Add reports to the library</source>
        <translation>添加报告到文库</translation>
    </message>
    <message>
        <source>Reports (*.txt *.pdf);;Report text (*.txt);;PDF (*.pdf);;All files (*)</source>
        <translation>报告 (*.txt *.pdf);;报告文本 (*.txt);;PDF (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a folder of reports to the library</source>
        <translation>添加报告文件夹到文库</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>当前文件完成后停止…</translation>
    </message>
    <message>
        <source>Adding %1 of %2: %3</source>
        <translation>正在添加第 %1 / %2 个：%3</translation>
    </message>
    <message>
        <source>Looking for reports…</source>
        <translation>正在查找报告…</translation>
    </message>
    <message>
        <source>The reports could not be added</source>
        <translation>无法添加报告</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) added</source>
        <translation>
            <numerusform>已添加 %n 篇报告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 篇已在文库中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n 个文件无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the files not reached were not added.</source>
        <translation>已取消：尚未处理的文件未添加。</translation>
    </message>
    <message>
        <source>… (all of them under Show Details)</source>
        <translation>…（全部见“显示详细信息”）</translation>
    </message>
    <message>
        <source>Added to the library</source>
        <translation>已添加到文库</translation>
    </message>
</context>
<context>
    <name>LibraryResultsModel</name>
    <message>
        <source>year unknown</source>
        <translation>年份不详</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 places</source>
        <translation>%1（%2）— %3 处</translation>
    </message>
</context>
<context>
    <name>LibraryTransfer</name>
    <message>
        <source>Export the library</source>
        <translation>导出文库</translation>
    </message>
    <message>
        <source>Library file (*.zip)</source>
        <translation>文库文件 (*.zip)</translation>
    </message>
    <message>
        <source>Import a library</source>
        <translation>导入文库</translation>
    </message>
    <message>
        <source>Library file (*.zip);;All files (*)</source>
        <translation>文库文件 (*.zip);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 篇报告到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) left out: their copies cannot be read.</source>
        <translation>
            <numerusform>%n 篇报告未导出：其副本无法读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>Library exported</source>
        <translation>文库已导出</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) imported from %1:</source>
        <translation>
            <numerusform>已从 %1 导入 %n 篇报告：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 篇新增</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 篇已在文库中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out: they cannot be read</source>
        <translation>
            <numerusform>%n 份未导入：无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Library imported</source>
        <translation>文库已导入</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>already in the library</source>
        <translation>已在文库中</translation>
    </message>
    <message>
        <source>the details set by hand carried over</source>
        <translation>已沿用手动设置的信息</translation>
    </message>
    <message>
        <source>corrections copied</source>
        <translation>已复制更正</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>The library cannot be opened. Nothing was changed.</source>
        <translation>无法打开文库。未做任何改动。</translation>
    </message>
    <message>
        <source>This file cannot be imported; the library is unchanged.</source>
        <translation>无法导入此文件；文库未改动。</translation>
    </message>
    <message>
        <source>The library file cannot be written.</source>
        <translation>无法写入文库文件。</translation>
    </message>
    <message>
        <source>The import stopped: the reports before the error were imported.</source>
        <translation>导入已中止：出错之前的报告已导入。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>The transfer could not be completed.</source>
        <translation>未能完成导出或导入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Report outline</source>
        <translation>报告提纲</translation>
    </message>
    <message>
        <source>Sections, lists, targets and speakers of the report</source>
        <translation>报告的章节、条目、目标和发言人</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>章节正文</translation>
    </message>
    <message>
        <source>The selected section&apos;s text and quotes</source>
        <translation>所选章节的正文和引语</translation>
    </message>
    <message>
        <source>Search the report</source>
        <translation>搜索报告</translation>
    </message>
    <message>
        <source>Words, abbreviations or numbers</source>
        <translation>词语、简称或数字</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Places where the search words occur</source>
        <translation>搜索词出现的位置</translation>
    </message>
    <message>
        <source>Target charts</source>
        <translation>目标图表</translation>
    </message>
    <message>
        <source>This year&apos;s targets and last year&apos;s results</source>
        <translation>今年的目标和上年的实绩</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) while reading the report</source>
        <translation>
            <numerusform>读取报告时有 %n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sections, %2 targets, %3 quotes</source>
        <translation>%1 个章节，%2 项目标，%3 段引语</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Reports (*.txt *.pdf);;Report text (*.txt);;PDF (*.pdf);;All files (*)</source>
        <translation>报告 (*.txt *.pdf);;报告文本 (*.txt);;PDF (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Printed page</source>
        <translation>原版页面</translation>
    </message>
    <message>
        <source>The report&apos;s pages as printed, the selection outlined</source>
        <translation>报告的原版页面，所选内容已框出</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>原版</translation>
    </message>
    <message>
        <source>Source: %1, %2 (%3)</source>
        <translation>来源：%1 · %2（%3）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>导出 JSON(&amp;E)…</translation>
    </message>
    <message>
        <source>Export C&amp;orrections…</source>
        <translation>导出更正(&amp;O)…</translation>
    </message>
    <message>
        <source>Co&amp;mpose Briefing…</source>
        <translation>编排简报(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Print Briefing…</source>
        <translation>打印简报(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Export Briefing as P&amp;DF…</source>
        <translation>导出简报为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Briefing as &amp;Word…</source>
        <translation>导出简报为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Page Set&amp;up…</source>
        <translation>页面设置(&amp;U)…</translation>
    </message>
    <message>
        <source>Briefing &amp;Covers</source>
        <translation>简报范围(&amp;C)</translation>
    </message>
    <message>
        <source>The Whole Report</source>
        <translation>整份报告</translation>
    </message>
    <message>
        <source>The Selected Section</source>
        <translation>当前章节</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;Source</source>
        <translation>复制并注明出处(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Page as Printed</source>
        <translation>原版页面(&amp;P)</translation>
    </message>
    <message>
        <source>Show &amp;Charts</source>
        <translation>显示图表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;Library</source>
        <translation>显示文库(&amp;L)</translation>
    </message>
    <message>
        <source>Add &amp;Files to Library…</source>
        <translation>添加文件到文库(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older to Library…</source>
        <translation>添加文件夹到文库(&amp;O)…</translation>
    </message>
    <message>
        <source>E&amp;xport Library…</source>
        <translation>导出文库(&amp;X)…</translation>
    </message>
    <message>
        <source>I&amp;mport Library…</source>
        <translation>导入文库(&amp;M)…</translation>
    </message>
    <message>
        <source>Search &amp;All Reports</source>
        <translation>搜索全部报告(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Indicators over the Years…</source>
        <translation>历年指标(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Compare Reports…</source>
        <translation>报告对比(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About jcviewer</source>
        <translation>关于 jcviewer(&amp;A)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>exact</source>
        <translation>确数</translation>
    </message>
    <message>
        <source>about (左右)</source>
        <translation>约数（左右）</translation>
    </message>
    <message>
        <source>at least (以上)</source>
        <translation>下限（以上）</translation>
    </message>
    <message>
        <source>at most (以内)</source>
        <translation>上限（以内）</translation>
    </message>
    <message>
        <source>range</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>qualitative</source>
        <translation>定性要求</translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation>%1年实绩</translation>
    </message>
    <message>
        <source>Indicator: %1</source>
        <translation>指标：%1</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>数值：%1</translation>
    </message>
    <message>
        <source>Qualifier: %1</source>
        <translation>限定：%1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>时期：%1</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message numerus="yes">
        <source>[%n hit(s)]</source>
        <translation>
            <numerusform>［%n 处］</numerusform>
        </translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <source>Photo captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Page banners (other articles)</source>
        <translation>版面横幅（其他文章）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n items)</source>
        <translation>
            <numerusform>%1（%n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 targets (%n)</source>
        <translation>
            <numerusform>%1年主要目标（%n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Voices (%n speakers)</source>
        <translation>
            <numerusform>代表发言（%n 人）</numerusform>
        </translation>
    </message>
    <message>
        <source>Uncertain: %1</source>
        <translation>不确定：%1</translation>
    </message>
</context>
<context>
    <name>PageSetupDialog</name>
    <message>
        <source>Page setup</source>
        <translation>页面设置</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Left margin:</source>
        <translation>左边距：</translation>
    </message>
    <message>
        <source>Top margin:</source>
        <translation>上边距：</translation>
    </message>
    <message>
        <source>Right margin:</source>
        <translation>右边距：</translation>
    </message>
    <message>
        <source>Bottom margin:</source>
        <translation>下边距：</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the page to the view&apos;s width</source>
        <translation>使版面适合视图宽度</translation>
    </message>
    <message>
        <source>Rendering page %1…</source>
        <translation>正在渲染第 %1 页…</translation>
    </message>
    <message>
        <source>The PDF %1 is no longer there: its pages cannot be shown.</source>
        <translation>PDF 文件 %1 已不存在，无法显示其版面。</translation>
    </message>
    <message>
        <source>The PDF %1 has changed since the report was read: open it again to see its pages.</source>
        <translation>PDF 文件 %1 在读取报告后已更改，请重新打开以查看其版面。</translation>
    </message>
    <message>
        <source>The PDF %1 cannot be read: its pages cannot be shown.</source>
        <translation>无法读取 PDF 文件 %1，无法显示其版面。</translation>
    </message>
</context>
<context>
    <name>ReportOpener</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, abbreviations, numbers</source>
        <translation>搜索：词语、简称或数字</translation>
    </message>
    <message>
        <source>Only matching sections</source>
        <translation>只显示匹配的章节</translation>
    </message>
    <message>
        <source>This report</source>
        <translation>本报告</translation>
    </message>
    <message>
        <source>Search the report on show</source>
        <translation>搜索当前显示的报告</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>Search every report in the library</source>
        <translation>搜索文库中的全部报告</translation>
    </message>
    <message>
        <source>No hits for “%1”. Try fewer or shorter words.</source>
        <translation>未找到“%1”。请试试更少或更短的词。</translation>
    </message>
    <message>
        <source>No hits for “%1”; showing results that contain %2</source>
        <translation>未找到“%1”，显示同时包含%2的结果</translation>
    </message>
    <message>
        <source>%1 hits in %2 places</source>
        <translation>%2 段，%1 处</translation>
    </message>
    <message>
        <source>The library is unavailable.</source>
        <translation>文库不可用。</translation>
    </message>
    <message>
        <source>No hits for “%1” in the library.</source>
        <translation>文库中没有找到“%1”。</translation>
    </message>
    <message>
        <source>%1 places in %2 reports</source>
        <translation>%1 处，%2 篇报告</translation>
    </message>
    <message numerus="yes">
        <source>(%n report(s) could not be read)</source>
        <translation>
            <numerusform>（%n 篇报告无法读取）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StructureMenu</name>
    <message>
        <source>This Is a Heading</source>
        <translation>这是标题</translation>
    </message>
    <message>
        <source>This Is a Photo Caption</source>
        <translation>这是图片说明</translation>
    </message>
    <message>
        <source>This Is Body Text</source>
        <translation>这是正文</translation>
    </message>
    <message>
        <source>Section Starts Here</source>
        <translation>本节从此段开始</translation>
    </message>
    <message>
        <source>Merge with Previous Paragraph</source>
        <translation>与上段合并</translation>
    </message>
    <message>
        <source>Split Here</source>
        <translation>从此处拆分</translation>
    </message>
    <message>
        <source>Move Heading Here</source>
        <translation>移到章节</translation>
    </message>
    <message>
        <source>“%1” Starts Here</source>
        <translation>“%1”从此段开始</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Review</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain reading(s) —</source>
        <translation>
            <numerusform>%n 处结构判断不确定 —</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_LibraryWindow</name>
    <message>
        <source>The library could not be read: %1</source>
        <translation>无法读取文库：%1</translation>
    </message>
</context>
</TS>
