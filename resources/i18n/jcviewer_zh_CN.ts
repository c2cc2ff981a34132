<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPane</name>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="56"/>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="96"/>
        <source>Charts are unavailable: %1</source>
        <translation>图表不可用：%1</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="124"/>
        <source>%1 targets</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="126"/>
        <source>This report sets no numeric targets.</source>
        <translation>本报告没有可绘制的数值目标。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="130"/>
        <source>Result vs target</source>
        <translation>实绩与目标对比</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="132"/>
        <source>No indicator has both a result and a target.</source>
        <translation>没有同时给出实绩和目标的指标。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="136"/>
        <source>%1 results</source>
        <translation>%1年成绩</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="138"/>
        <source>No results that are amounts or counts.</source>
        <translation>没有金额或数量类的成绩。</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="29"/>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="30"/>
        <source>This is a folder, not a file.</source>
        <translation>这是一个文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="31"/>
        <source>The file cannot be read (permissions or a disk error).</source>
        <translation>无法读取该文件（权限不足或磁盘错误）。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="32"/>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="33"/>
        <source>This is not a text file (it contains binary data). Open the report as extracted text.</source>
        <translation>这不是文本文件（含有二进制数据）。请打开从版面提取出的纯文本报告。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="36"/>
        <source>The text encoding is not recognised (expected UTF-8, UTF-16 or GB18030).</source>
        <translation>无法识别文本编码（应为 UTF-8、UTF-16 或 GB18030）。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="37"/>
        <source>The file is too large to be a report.</source>
        <translation>文件太大，不像是一篇报告。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="46"/>
        <source>Cannot open report</source>
        <translation>无法打开报告</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="47"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="52"/>
        <source>The current report stays open.</source>
        <translation>当前报告保持打开。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="59"/>
        <source>An offline viewer for meeting reports: outline, quotes, target charts, briefings.</source>
        <translation>离线会议报告查看器：目录、引语、目标图表、简报。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="60"/>
        <source>Chinese text is set in Noto Sans CJK SC (SIL Open Font License 1.1).</source>
        <translation>中文使用思源黑体 Noto Sans CJK SC 排印（SIL 开放字体许可证 1.1）。</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="62"/>
        <source>About jcviewer</source>
        <translation>关于 jcviewer</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="74"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="76"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="76"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="97"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/dialogs.py" line="98"/>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="19"/>
        <source>Find in this section</source>
        <translation>在本节中查找</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="26"/>
        <source>Previous match</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="29"/>
        <source>Next match</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="32"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="38"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/find_bar.py" line="70"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="101"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="102"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="103"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="106"/>
        <source>&amp;Export JSON…</source>
        <translation>导出 JSON(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="108"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="110"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="111"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="113"/>
        <source>Copy with &amp;Source</source>
        <translation>复制并注明出处(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="116"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="117"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="119"/>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="122"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="123"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="124"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="126"/>
        <source>&amp;Reset Zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="129"/>
        <source>Show &amp;Charts</source>
        <translation>显示图表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="133"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="134"/>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="134"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="134"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="143"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="145"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="147"/>
        <source>&amp;About jcviewer</source>
        <translation>关于 jcviewer(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="157"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="159"/>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../jcviewer/ui/main_window.py" line="194"/>
        <source>%n warning(s) while reading the report</source>
        <translation>
            <numerusform>读取报告时有 %n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="196"/>
        <source>%1 sections, %2 targets, %3 quotes</source>
        <translation>%1 个章节，%2 项目标，%3 段引语</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="206"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="206"/>
        <source>Report text (*.txt);;All files (*)</source>
        <translation>报告文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="216"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="216"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/main_window.py" line="285"/>
        <source>Source: %1, %2 (%3)</source>
        <translation>来源：%1 · %2（%3）</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="26"/>
        <source>exact</source>
        <translation>确数</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="27"/>
        <source>about (左右)</source>
        <translation>约数（左右）</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="28"/>
        <source>at least (以上)</source>
        <translation>下限（以上）</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="29"/>
        <source>at most (以内)</source>
        <translation>上限（以内）</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="30"/>
        <source>range</source>
        <translation>区间</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="31"/>
        <source>qualitative</source>
        <translation>定性要求</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="173"/>
        <location filename="../../jcviewer/ui/detail_view.py" line="34"/>
        <source>%1 target</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/chart_pane.py" line="172"/>
        <location filename="../../jcviewer/ui/detail_view.py" line="34"/>
        <source>%1 result</source>
        <translation>%1年实绩</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="36"/>
        <source>Indicator: %1</source>
        <translation>指标：%1</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="37"/>
        <source>Value: %1</source>
        <translation>数值：%1</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="38"/>
        <source>Qualifier: %1</source>
        <translation>限定：%1</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/detail_view.py" line="42"/>
        <source>Period: %1</source>
        <translation>时期：%1</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../jcviewer/ui/outline_model.py" line="94"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/outline_model.py" line="112"/>
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/outline_model.py" line="114"/>
        <source>Photo captions</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../jcviewer/ui/outline_model.py" line="116"/>
        <source>Page banners (other articles)</source>
        <translation>版面横幅（其他文章）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../jcviewer/ui/outline_model.py" line="118"/>
        <source>%1 (%n items)</source>
        <translation>
            <numerusform>%1（%n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../jcviewer/ui/outline_model.py" line="121"/>
        <source>%1 targets (%n)</source>
        <translation>
            <numerusform>%1年主要目标（%n 项）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../jcviewer/ui/outline_model.py" line="123"/>
        <source>Voices (%n speakers)</source>
        <translation>
            <numerusform>代表发言（%n 人）</numerusform>
        </translation>
    </message>
</context>
</TS>
