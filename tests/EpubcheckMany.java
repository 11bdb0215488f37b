import com.adobe.epubcheck.tool.EpubChecker;

/** epubcheck on many files in one JVM: its start-up and warm-up paid once. */
public class EpubcheckMany {
    public static void main(String[] args) {
        System.setErr(System.out);  // one stream, so that each report stays between its markers
        for (String path : args) {
            System.out.println("=== " + path);
            new EpubChecker().run(new String[] {path});
            System.out.println("=== end");
            System.out.flush();
        }
    }
}
