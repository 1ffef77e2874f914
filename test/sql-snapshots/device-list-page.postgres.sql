-- DeviceRepository.search: listDevices, a page of a school's devices by words and filters, and the count of all that match
-- parameters: ["$schoolId","laptop","in_use","digisprong","Noord","2023-01-01","2023-12-31","%thinkpad%","%5a%"]
select count(*) as "n"
from "devices"
inner join "device_models" on "device_models"."id" = "devices"."model_id"
where "devices"."school_id" in ($1) and "device_models"."type" = $2 and "devices"."state" = $3 and "devices"."funding_source" = $4 and "devices"."campus" = $5 and "devices"."purchase_date" >= $6 and "devices"."purchase_date" <= $7 and ("devices"."search_text" like $8 escape '\' and "devices"."search_text" like $9 escape '\');

-- parameters: ["$schoolId","laptop","in_use","digisprong","Noord","2023-01-01","2023-12-31","%thinkpad%","%5a%",50,100]
select "devices".*, "device_models"."manufacturer" as "model_manufacturer", "device_models"."name" as "model_name", "device_models"."type" as "model_type", "device_models"."expected_life_months" as "model_expected_life_months"
from "devices"
inner join "device_models" on "device_models"."id" = "devices"."model_id"
where "devices"."school_id" in ($1) and "device_models"."type" = $2 and "devices"."state" = $3 and "devices"."funding_source" = $4 and "devices"."campus" = $5 and "devices"."purchase_date" >= $6 and "devices"."purchase_date" <= $7 and ("devices"."search_text" like $8 escape '\' and "devices"."search_text" like $9 escape '\')
order by "devices"."purchase_date" desc, "devices"."asset_tag" desc, "devices"."id"
limit $10
offset $11;
