-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_school_urn_fkey" FOREIGN KEY ("school_urn") REFERENCES "school"("urn") ON DELETE RESTRICT ON UPDATE CASCADE;

